package com.muejam.support;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A database of its own on the test server, for a migration's test: created empty beside
 * the application's, migrated step by step to the versions the test names, and dropped
 * after.
 */
public final class ScratchDatabase {

	private final SimpleDriverDataSource database;

	private ScratchDatabase(SimpleDriverDataSource database) {
		this.database = database;
	}

	/**
	 * Creates an empty database on the application's server.
	 * @param application the application's pool, whose server and credentials it uses
	 * @param name the database's name
	 * @return the database
	 * @throws SQLException if the pool is not Hikari's
	 */
	public static ScratchDatabase create(DataSource application, String name) throws SQLException {
		JdbcClient.create(application).sql("create database " + name).update();
		HikariDataSource pool = application.unwrap(HikariDataSource.class);
		String url = pool.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
		return new ScratchDatabase(
				new SimpleDriverDataSource(new org.postgresql.Driver(), url, pool.getUsername(), pool.getPassword()));
	}

	/**
	 * Drops the database of that name, if there is one.
	 * @param application the application's pool
	 * @param name the database's name
	 */
	public static void drop(DataSource application, String name) {
		JdbcClient.create(application).sql("drop database if exists " + name + " with (force)").update();
	}

	/**
	 * Applies the application's migrations up to a version.
	 * @param version the last version to apply, such as {@code "37"}
	 */
	public void migrateTo(String version) {
		Flyway.configure()
			.dataSource(this.database)
			.locations("classpath:db/migration")
			.target(version)
			.load()
			.migrate();
	}

	/**
	 * Statements on this database.
	 * @return a client
	 */
	public JdbcClient jdbc() {
		return JdbcClient.create(this.database);
	}

}
