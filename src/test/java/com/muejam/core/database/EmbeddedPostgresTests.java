package com.muejam.core.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.muejam.core.config.DataDirectory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL: started only when no datasource is configured, keeps its data
 * across restarts, and runs as root with or without user namespaces.
 */
class EmbeddedPostgresTests {

	@TempDir
	Path dataDir;

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(EmbeddedPostgresConfiguration.class, Properties.class)
		.withBean(DataDirectory.class, () -> new DataDirectory(this.dataDir));

	@Test
	void keepsDataAcrossRestarts() throws Exception {
		Path folder = this.dataDir.resolve("postgres");
		try (EmbeddedPostgres first = EmbeddedPostgresLauncher.start(folder, 0, false)) {
			execute(first, "create table kept (note text); insert into kept values ('still here')");
		}
		try (EmbeddedPostgres second = EmbeddedPostgresLauncher.start(folder, 0, false)) {
			assertThat(queryString(second, "select note from kept")).isEqualTo("still here");
		}
	}

	@Test
	void startsWithoutConfiguredDatasourceAndStopsWithTheContext() {
		this.contexts.run((context) -> {
			assertThat(context).hasSingleBean(EmbeddedPostgres.class);
			EmbeddedPostgres postgres = context.getBean(EmbeddedPostgres.class);
			assertThat(queryString(postgres, "select 'up'")).isEqualTo("up");
			assertThat(Files.exists(this.dataDir.resolve("postgres/postgresql.conf"))).isTrue();
		});
		assertThat(Files.exists(this.dataDir.resolve("postgres/postmaster.pid"))).isFalse();
	}

	@Test
	void doesNotStartWhenADatasourceIsConfigured() {
		this.contexts.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/muejam")
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedPostgres.class));
	}

	@Test
	void runsAsRootWithoutUnshareByDroppingPrivileges() throws Exception {
		// a child JVM whose PATH has no unshare: the fallback must run the server as
		// 'nobody'
		Path bin = Files.createDirectories(this.dataDir.resolve("bin"));
		for (String tool : new String[] { "id", "dirname", "setpriv" }) {
			Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool));
		}
		Path folder = this.dataDir.resolve("setpriv");
		Files.setPosixFilePermissions(this.dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
		String java = ProcessHandle.current().info().command().orElseThrow();
		ProcessBuilder child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				EmbeddedPostgresProbe.class.getName(), folder.toString())
			.redirectErrorStream(true);
		child.environment().put("PATH", bin.toString());
		Process process = child.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(output).as(output).contains("PROBE OK");
		if ("root".equals(System.getProperty("user.name"))) {
			assertThat(output).contains("as 'nobody' through setpriv");
			assertThat(Files.getOwner(folder).getName()).isEqualTo("nobody");
		}
	}

	private static void execute(EmbeddedPostgres postgres, String sql) throws Exception {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String queryString(EmbeddedPostgres postgres, String sql) throws Exception {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
	static class Properties {

	}

}
