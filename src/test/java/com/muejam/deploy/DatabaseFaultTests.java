package com.muejam.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.muejam.MueJamApplication;
import com.muejam.core.database.EmbeddedPostgresLauncher;
import com.muejam.support.Api;
import com.muejam.support.DatabaseProbe;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database misbehaving under a running instance, against a real PostgreSQL server of
 * this test's own (on its own folder, so it can be stopped and started again): a runaway
 * query, an exhausted pool, a lost serialization race and the server going away under
 * concurrent writes. Clients get a 2xx or a fast 503 envelope with {@code Retry-After},
 * never a 500 and never a hang, and the instance recovers without a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class DatabaseFaultTests {

	private static final Duration FAST = Duration.ofSeconds(3);

	private static final int POOL_SIZE = 4;

	private static Path folder;

	private static int port;

	private static EmbeddedPostgres postgres;

	private static ConfigurableApplicationContext app;

	private static Api api;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@BeforeAll
	static void start() throws IOException {
		folder = Files.createTempDirectory("muejam-fault-postgres-");
		port = freePort();
		postgres = EmbeddedPostgresLauncher.start(folder, port, false);
		app = new SpringApplicationBuilder(MueJamApplication.class).profiles("test")
			.run("--server.port=0", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
					"--spring.datasource.hikari.maximum-pool-size=" + POOL_SIZE,
					"--muejam.database.statement-timeout=1s", "--muejam.rate-limits.enabled=false",
					"--muejam.data-dir=target/database-fault-data");
		api = Api.of(app);
	}

	@AfterAll
	static void stop() throws IOException {
		if (app != null) {
			app.close();
		}
		if (postgres != null) {
			postgres.close();
		}
		FileSystemUtils.deleteRecursively(folder);
	}

	@Test
	@Order(1)
	void aRunawayQueryIsCutOffByTheStatementTimeoutWithA503() {
		// the first request of a fresh instance (sign-in, warm-up) is not what is timed
		assertThat(api.get("/v1/test/db-sleep?seconds=0.1").as("user_patient").send().status()).isEqualTo(200);
		long started = System.nanoTime();
		Api.Reply reply = api.get("/v1/test/db-sleep?seconds=4").as("user_patient").send();
		assertFastUnavailable(reply, started);
		assertThat(api.get("/v1/test/db-sleep?seconds=0.1").as("user_patient").send().status()).isEqualTo(200);
	}

	@Test
	@Order(2)
	void aSerializationFailureIsRetriedAndTheRequestSucceeds() {
		DatabaseProbe probe = app.getBean(DatabaseProbe.class);
		probe.resetCounter();
		Api.Reply reply = api.post("/v1/test/conflicting-write").as("user_racer").send();
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.json().path("attempts").asInt()).isEqualTo(2);
		// the competing increment and the retried one: no lost update
		assertThat(probe.counter()).isEqualTo(2);
	}

	@Test
	@Order(3)
	void anExhaustedPoolAnswersFast503sWithRetryAfter(CapturedOutput output) throws SQLException {
		assertThat(whisper("user_crowded", "before").status()).isEqualTo(201);
		int logged = output.getAll().length();
		HikariDataSource pool = app.getBean(HikariDataSource.class);
		List<Connection> held = new ArrayList<>();
		try {
			for (int i = 0; i < POOL_SIZE; i++) {
				held.add(pool.getConnection());
			}
			for (int i = 0; i < 3; i++) {
				long started = System.nanoTime();
				assertFastUnavailable(whisper("user_crowded", "while crowded " + i), started);
			}
			// the sign-in's statement failed inside Spring Security's filters, beyond
			// Spring
			// MVC's handlers: still one warning per request, not the servlet container's
			// ERROR with a stack trace for each (a flood of them in an outage)
			String log = output.getAll().substring(logged);
			assertThat(log).doesNotContain("threw exception").doesNotContain("\tat ");
			assertThat(log.lines().filter((line) -> line.contains("Database unavailable serving POST /v1/whispers")))
				.hasSize(3);
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}
		assertThat(whisper("user_crowded", "after").status()).isEqualTo(201);
	}

	@Test
	@Order(4)
	void theDatabaseGoingAwayUnderWritesGivesOnly2xxOrFast503sAndRecoversByItself() throws Exception {
		List<String> writers = List.of("user_w1", "user_w2", "user_w3", "user_w4");
		writers.forEach((writer) -> assertThat(whisper(writer, "warm up").status()).isEqualTo(201));
		Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
		Queue<String> problems = new ConcurrentLinkedQueue<>();
		AtomicBoolean running = new AtomicBoolean(true);
		int unavailable;
		boolean readyDuringOutage;
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Integer>> results = new ArrayList<>();
			for (String writer : writers) {
				results.add(pool.submit(() -> write(writer, running, acknowledged, problems)));
			}
			Thread.sleep(700);
			postgres.close();
			readyDuringOutage = awaitReadiness(false, Duration.ofSeconds(5));
			Thread.sleep(1500);
			postgres = EmbeddedPostgresLauncher.start(folder, port, false);
			assertThat(awaitReadiness(true, Duration.ofSeconds(10))).as("readiness UP again").isTrue();
			Thread.sleep(700);
			running.set(false);
			unavailable = 0;
			for (Future<Integer> result : results) {
				unavailable += result.get();
			}
		}
		assertThat(problems).isEmpty();
		assertThat(readyDuringOutage).as("readiness DOWN during the outage").isFalse();
		assertThat(unavailable).as("503s while the database was down").isPositive();
		assertThat(acknowledged).isNotEmpty();
		JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
		List<String> stored = jdbc.sql("select id::text from whispers").query(String.class).list();
		assertThat(stored).containsAll(acknowledged);
	}

	/**
	 * Posts whispers until told to stop.
	 * @return how many were answered 503
	 */
	private static int write(String writer, AtomicBoolean running, Queue<String> acknowledged, Queue<String> problems) {
		int unavailable = 0;
		for (int i = 0; running.get(); i++) {
			long started = System.nanoTime();
			Api.Reply reply = whisper(writer, writer + " " + i);
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			if (reply.status() == 201) {
				acknowledged.add(reply.json().path("id").asString());
			}
			else if (reply.status() == 503 && took.compareTo(FAST) < 0 && reply.header("Retry-After") != null
					&& reply.errorCode().equals("SERVICE_UNAVAILABLE")) {
				unavailable++;
				sleep(100);
			}
			else {
				problems.add(reply.status() + " after " + took.toMillis() + " ms: " + reply.text());
			}
		}
		return unavailable;
	}

	private static Api.Reply whisper(String writer, String content) {
		return api.post("/v1/whispers").as(writer).json(Map.of("content", content)).send();
	}

	private static void assertFastUnavailable(Api.Reply reply, long started) {
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
		assertThat(reply.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(reply.json().path("request_id").asString()).isNotBlank();
		assertThat(reply.header("Retry-After")).isNotNull();
		assertThat(took).isLessThan(FAST);
	}

	/**
	 * Polls readiness until it is the expected state or the time is up.
	 * @return the last state seen
	 */
	private boolean awaitReadiness(boolean ready, Duration within) throws Exception {
		long deadline = System.nanoTime() + within.toNanos();
		boolean state = !ready;
		while (System.nanoTime() < deadline) {
			HttpResponse<String> readiness = this.http.send(
					HttpRequest
						.newBuilder(URI.create("http://localhost:"
								+ app.getEnvironment().getProperty("local.server.port") + "/actuator/health/readiness"))
						.timeout(Duration.ofSeconds(5))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			state = readiness.statusCode() == 200;
			if (state == ready) {
				return state;
			}
			sleep(200);
		}
		return state;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
