package com.muejam.core.events;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V37 on a database migrated up to V36: the publications completed before it are deleted,
 * the incomplete ones kept.
 */
@IntegrationTest
class CompletedPublicationsMigrationTests {

	private static final String DATABASE = "before_v37";

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void dropDatabase() {
		this.jdbc.sql("drop database if exists " + DATABASE + " with (force)").update();
	}

	@Test
	void completedPublicationsAreDeletedAndIncompleteOnesKept() throws SQLException {
		this.jdbc.sql("create database " + DATABASE).update();
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		String url = pool.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + DATABASE + "$1");
		var database = new SimpleDriverDataSource(new org.postgresql.Driver(), url, pool.getUsername(),
				pool.getPassword());
		migrate(database, "36");
		JdbcClient before = JdbcClient.create(database);
		before.sql("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
				                               completion_date, status)
				values (gen_random_uuid(), 'done', 'Done', '{}', now(), now(), 'COMPLETED'),
				       (gen_random_uuid(), 'to run', 'ToRun', '{}', now(), null, 'PUBLISHED'),
				       (gen_random_uuid(), 'failed', 'Failed', '{}', now(), null, 'FAILED')""").update();

		migrate(database, "37");

		assertThat(
				before.sql("select listener_id from event_publication order by listener_id").query(String.class).list())
			.isEqualTo(List.of("failed", "to run"));
	}

	private static void migrate(SimpleDriverDataSource database, String target) {
		Flyway.configure().dataSource(database).locations("classpath:db/migration").target(target).load().migrate();
	}

}
