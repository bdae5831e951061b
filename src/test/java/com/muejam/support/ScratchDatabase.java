package com.muejam.support;

import java.sql.SQLException;
import java.util.Objects;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A database of its own on the test server, for a migration's test: created empty beside
 * the application's before each test, migrated step by step to the versions the test
 * names, and dropped after it. Register it on an integration test's field:
 * {@code @RegisterExtension final ScratchDatabase database = new ScratchDatabase("before_v38");}
 */
public final class ScratchDatabase implements BeforeEachCallback, AfterEachCallback {

	private final String name;

	private @Nullable DataSource application;

	private @Nullable SimpleDriverDataSource database;

	/**
	 * @param name the database's name
	 */
	public ScratchDatabase(String name) {
		this.name = name;
	}

	@Override
	public void beforeEach(ExtensionContext context) throws SQLException {
		DataSource application = SpringExtension.getApplicationContext(context).getBean(DataSource.class);
		this.application = application;
		drop(application);
		JdbcClient.create(application).sql("create database " + this.name).update();
		HikariDataSource pool = application.unwrap(HikariDataSource.class);
		String url = pool.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + this.name + "$1");
		this.database = new SimpleDriverDataSource(new org.postgresql.Driver(), url, pool.getUsername(),
				pool.getPassword());
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.application != null) {
			drop(this.application);
		}
	}

	private void drop(DataSource application) {
		JdbcClient.create(application).sql("drop database if exists " + this.name + " with (force)").update();
	}

	/**
	 * Applies the application's migrations up to a version.
	 * @param version the last version to apply, such as {@code "37"}
	 */
	public void migrateTo(String version) {
		Flyway.configure().dataSource(database()).locations("classpath:db/migration").target(version).load().migrate();
	}

	/**
	 * Statements on this database.
	 * @return a client
	 */
	public JdbcClient jdbc() {
		return JdbcClient.create(database());
	}

	private SimpleDriverDataSource database() {
		return Objects.requireNonNull(this.database, "the database is created before each test");
	}

}
