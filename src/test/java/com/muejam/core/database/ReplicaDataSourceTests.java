package com.muejam.core.database;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.muejam.MueJamApplication;
import com.muejam.support.Api;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code muejam.datasource.replica-url} set, read-only transactions run on the
 * replica and the rest on the primary. The "replica" here is the same server reached
 * under another application name, which is enough to see where each statement went.
 */
class ReplicaDataSourceTests {

	private static EmbeddedPostgres postgres;

	private static ConfigurableApplicationContext app;

	@BeforeAll
	static void start() throws IOException {
		postgres = EmbeddedPostgresLauncher.start(Files.createTempDirectory("muejam-replica-postgres-"), 0, true);
		String url = postgres.getJdbcUrl("postgres", "postgres");
		app = new SpringApplicationBuilder(MueJamApplication.class).profiles("test")
			.run("--server.port=0", "--spring.datasource.url=" + url + "&ApplicationName=muejam-primary",
					"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
					"--muejam.datasource.replica-url=" + url + "&ApplicationName=muejam-replica",
					"--muejam.data-dir=target/replica-data");
	}

	@AfterAll
	static void stop() throws IOException {
		if (app != null) {
			app.close();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void readOnlyTransactionsGoToTheReplicaAndTheRestToThePrimary() {
		TransactionTemplate transactions = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		transactions.setReadOnly(true);
		String readOnly = transactions.execute((status) -> applicationName(jdbc));
		transactions.setReadOnly(false);
		String readWrite = transactions.execute((status) -> applicationName(jdbc));
		assertThat(readOnly).isEqualTo("muejam-replica");
		assertThat(readWrite).isEqualTo("muejam-primary");
	}

	@Test
	void theApplicationWorksOnBoth() {
		Api api = Api.of(app);
		assertThat(api.post("/v1/stories").as("user_replicated").json(Map.of("title", "Routed")).send().status())
			.isEqualTo(201);
		assertThat(api.get("/v1/me/stories")
			.as("user_replicated")
			.send()
			.json()
			.path("data")
			.get(0)
			.path("title")
			.asString()).isEqualTo("Routed");
	}

	private static String applicationName(JdbcClient jdbc) {
		return jdbc.sql("select current_setting('application_name')").query(String.class).single();
	}

}
