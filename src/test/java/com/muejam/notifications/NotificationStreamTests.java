package com.muejam.notifications;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.muejam.social.UserFollowed;
import com.muejam.support.Api;
import com.muejam.support.EventStream;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live stream, read over real HTTP as a client would.
 */
@IntegrationTest
class NotificationStreamTests {

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	NotificationTriggers triggers;

	@Autowired
	NotificationStreams streams;

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void pushesNewNotificationsToAnOpenStream() throws Exception {
		UUID alice = id("user_alice");
		try (EventStream stream = open("Authorization", "Bearer " + this.api.token("user_alice"), null)) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.contentType()).startsWith("text/event-stream");
			triggers().on(new UserFollowed(id("user_bob"), alice));
			List<String> event = stream.nextEvent();
			assertThat(event).contains("event:notification");
			assertThat(event.stream().filter((line) -> line.startsWith("data:")).findFirst().orElseThrow())
				.contains("\"type\":\"FOLLOW\"");
		}
	}

	@Test
	void heartbeatsKeepTheStreamAlive() throws Exception {
		try (EventStream stream = open("Authorization", "Bearer " + this.api.token("user_alice"), null)) {
			assertThat(stream.nextLine()).isEqualTo("retry:3000");
			assertThat(stream.nextLine()).isEqualTo(":connected");
			this.streams.heartbeat();
			assertThat(stream.nextLine()).isEmpty();
			assertThat(stream.nextLine()).isEqualTo(":keepalive");
		}
	}

	@Test
	void aTicketServesTheStreamsReconnectsWithReplayUntilItsWindowEnds() throws Exception {
		String ticket = this.api.post("/v1/notifications/stream-ticket")
			.as("user_alice")
			.send()
			.json()
			.path("ticket")
			.asString();
		UUID alice = id("user_alice");
		String seen;
		try (EventStream stream = open(null, null, "ticket=" + ticket)) {
			assertThat(stream.status()).isEqualTo(200);
			triggers().on(new UserFollowed(id("user_carol"), alice));
			List<String> event = stream.nextEvent();
			assertThat(event).contains("event:notification");
			seen = event.stream().filter((line) -> line.startsWith("id:")).findFirst().orElseThrow().substring(3);
		}
		// the connection dropped; meanwhile another notification arrives
		triggers().on(new UserFollowed(id("user_dave"), alice));
		// EventSource reconnects by itself: the same URL, with Last-Event-ID
		try (EventStream again = open(null, null, "ticket=" + ticket, "Last-Event-ID", seen.strip())) {
			assertThat(again.status()).isEqualTo(200);
			assertThat(dataOf(again.nextEvent())).contains("user_dave");
		}
		// once the reconnect window is over, the ticket is refused and the client gets a
		// new one
		this.jdbc.sql("update stream_tickets set expires_at = now() - interval '1 second'").update();
		try (EventStream late = open(null, null, "ticket=" + ticket)) {
			assertThat(late.status()).isEqualTo(401);
		}
		try (EventStream forged = open(null, null, "ticket=not-a-ticket")) {
			assertThat(forged.status()).isEqualTo(401);
		}
		try (EventStream none = open(null, null, null)) {
			assertThat(none.status()).isEqualTo(401);
		}
		assertThat(this.api.post("/v1/notifications/stream-ticket").send().status()).isEqualTo(401);
	}

	@Test
	void anUnusedTicketExpiresAfterAMinute() throws Exception {
		String ticket = this.api.post("/v1/notifications/stream-ticket")
			.as("user_alice")
			.send()
			.json()
			.path("ticket")
			.asString();
		this.jdbc.sql("update stream_tickets set expires_at = now() - interval '1 second'").update();
		try (EventStream stale = open(null, null, "ticket=" + ticket)) {
			assertThat(stale.status()).isEqualTo(401);
		}
	}

	@Test
	void aReconnectingClientReceivesWhatItMissed() throws Exception {
		UUID alice = id("user_alice");
		triggers().on(new UserFollowed(id("user_first"), alice));
		String seen = this.api.get("/v1/notifications")
			.as("user_alice")
			.send()
			.json()
			.path("data")
			.get(0)
			.path("id")
			.asString();
		triggers().on(new UserFollowed(id("user_second"), alice));
		triggers().on(new UserFollowed(id("user_third"), alice));
		try (EventStream stream = open("Authorization", "Bearer " + this.api.token("user_alice"), null, "Last-Event-ID",
				seen)) {
			String first = dataOf(stream.nextEvent());
			String second = dataOf(stream.nextEvent());
			assertThat(first).contains("user_second");
			assertThat(second).contains("user_third");
		}
	}

	@Test
	void sixParallelStreamsOfOneUserOpenExactlyFive() throws Exception {
		String token = this.api.token("user_many_tabs");
		this.fixtures.me("user_many_tabs");
		List<EventStream> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
		try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
			var start = new java.util.concurrent.CountDownLatch(1);
			List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
			for (int i = 0; i < 6; i++) {
				statuses.add(threads.submit(() -> {
					start.await();
					EventStream stream = open("Authorization", "Bearer " + token, null);
					opened.add(stream);
					return stream.status();
				}));
			}
			start.countDown();
			List<Integer> codes = new java.util.ArrayList<>();
			for (var status : statuses) {
				codes.add(status.get());
			}
			assertThat(codes).containsOnly(200, 429).filteredOn((code) -> code == 200).hasSize(5);
		}
		finally {
			for (EventStream stream : opened) {
				stream.close();
			}
		}
	}

	private UUID id(String subject) {
		return UUID.fromString(this.fixtures.me(subject).path("id").asString());
	}

	private static String dataOf(List<String> event) {
		return event.stream().filter((line) -> line.startsWith("data:")).findFirst().orElseThrow();
	}

	private EventStream open(String header, String value, String query, String... more) throws Exception {
		String url = "http://localhost:" + this.environment.getProperty("local.server.port")
				+ "/v1/notifications/stream" + ((query != null) ? "?" + query : "");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Accept", "text/event-stream")
			.GET();
		if (header != null) {
			request.header(header, value);
		}
		for (int i = 0; i < more.length; i += 2) {
			request.header(more[i], more[i + 1]);
		}
		HttpResponse<InputStream> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		return new EventStream(response);
	}

	/**
	 * The listener itself, called synchronously (through its proxy it runs asynchronously
	 * after commit, as events do).
	 */
	private NotificationTriggers triggers() {
		return AopTestUtils.getUltimateTargetObject(this.triggers);
	}

}
