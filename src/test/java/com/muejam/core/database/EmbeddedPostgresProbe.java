package com.muejam.core.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Run in a child JVM by {@link EmbeddedPostgresTests}: starts the embedded server in the
 * given folder, runs one query and prints {@code PROBE OK}.
 */
public final class EmbeddedPostgresProbe {

	private EmbeddedPostgresProbe() {
	}

	public static void main(String[] args) throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgresLauncher.start(Path.of(args[0]), 0, false);
				Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select 'PROBE ' || 'OK'")) {
			result.next();
			System.out.println(result.getString(1));
		}
	}

}
