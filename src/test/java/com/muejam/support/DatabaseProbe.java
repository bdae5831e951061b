package com.muejam.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Present only in tests: database work that misbehaves on purpose (a runaway query, a
 * write that loses a serialization conflict), to show what clients see then.
 */
@Service
public class DatabaseProbe {

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private final AtomicInteger attempts = new AtomicInteger();

	DatabaseProbe(JdbcTemplate jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	@Transactional(readOnly = true)
	public void sleep(double seconds) {
		this.jdbc.queryForObject("select pg_sleep(?)::text", String.class, seconds);
	}

	/**
	 * Creates the probe's counter row, at zero.
	 */
	public void resetCounter() {
		this.jdbc.execute("create table if not exists retry_probe (id int primary key, n int not null)");
		this.jdbc.update("delete from retry_probe");
		this.jdbc.update("insert into retry_probe values (1, 0)");
		this.attempts.set(0);
	}

	/**
	 * Increments the counter in a repeatable-read transaction; on the first attempt
	 * another connection increments it in between, so this one fails with a real
	 * serialization failure (SQLState 40001).
	 * @return the attempts it took
	 */
	@Transactional(isolation = Isolation.REPEATABLE_READ)
	public int incrementLosingTheFirstRace() {
		int attempt = this.attempts.incrementAndGet();
		this.jdbc.queryForObject("select n from retry_probe where id = 1", Integer.class);
		if (attempt == 1) {
			try (Connection other = this.dataSource.getConnection(); Statement statement = other.createStatement()) {
				other.setAutoCommit(true);
				statement.executeUpdate("update retry_probe set n = n + 1 where id = 1");
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}
		this.jdbc.update("update retry_probe set n = n + 1 where id = 1");
		return attempt;
	}

	public int counter() {
		Integer n = this.jdbc.queryForObject("select n from retry_probe where id = 1", Integer.class);
		return (n != null) ? n : -1;
	}

}
