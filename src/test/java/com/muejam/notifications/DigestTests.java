package com.muejam.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Email digests, delivered through the real Resend client to a local stand-in: at 08:00
 * in the reader's time zone across a DST change, once per period whoever runs the job and
 * however often, nothing when there is nothing new, in place of the single emails they
 * gather, and switched off by their one-click link.
 */
@IntegrationTest
class DigestTests {

	static final ResendStub RESEND = ResendStub.started();

	private static final String PARIS = "user_digest_paris";

	private static final String TOKYO = "user_digest_tokyo";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Digests digests;

	@Autowired
	EmailOutbox outbox;

	@DynamicPropertySource
	static void resend(DynamicPropertyRegistry registry) {
		RESEND.serve(registry);
	}

	@AfterAll
	static void stop() {
		RESEND.close();
	}

	@BeforeEach
	void resetStub() {
		RESEND.reset();
	}

	@Test
	void aDailyDigestGoesAtEightInTheReadersZoneAcrossADstChangeOncePerDay() {
		settings(PARIS, Map.of("digest", "daily", "timezone", "Europe/Paris"));
		String follow = follow("user_digest_fan", PARIS);
		String reply = reply("user_digest_replier", PARIS);
		assertThat(this.jdbc.sql("select count(*) from email_outbox").query(Long.class).single())
			.as("the digest replaces single emails")
			.isZero();
		// the digest of Saturday 24 October 2026, 08:00 CEST (06:00Z), is behind the
		// reader
		assertThat(this.digests.sendDue(Instant.parse("2026-10-24T06:05:00Z"))).isZero();
		// clocks go back on Sunday 25 October at 03:00 CEST: 08:00 that day is 07:00Z
		createdAt(follow, "2026-10-24T20:00:00Z");
		createdAt(reply, "2026-10-25T06:30:00Z");

		assertThat(this.digests.sendDue(Instant.parse("2026-10-25T06:59:00Z"))).as("07:59 in Paris").isZero();
		assertThat(this.digests.sendDue(Instant.parse("2026-10-25T07:00:00Z"))).as("08:00 in Paris").isEqualTo(1);
		assertThat(this.digests.sendDue(Instant.parse("2026-10-25T07:30:00Z"))).as("once a day").isZero();
		assertThat(this.digests.sendDue(Instant.parse("2026-10-26T07:00:00Z"))).as("nothing new").isZero();
		this.outbox.sendDue();

		List<ResendStub.Request> sent = RESEND.requests();
		assertThat(sent).hasSize(1);
		assertThat(sent.getFirst().headers()).containsEntry("idempotency-key", "digest:" + id(PARIS) + ":2026-10-25");
		JsonNode email = JSON.readTree(sent.getFirst().body());
		assertThat(email.path("to").get(0).asString()).isEqualTo(PARIS + "@example.com");
		assertThat(email.path("subject").asString()).isEqualTo("Your daily MueJam digest: 1 reply, 1 new follower");
		assertThat(email.path("text").asString()).contains("started following you", "replied to your whisper");
		assertThat(email.path("headers").path("List-Unsubscribe").asString()).contains("/v1/email/unsubscribe");

		String token = this.jdbc.sql("select unsubscribe_url from email_outbox where kind = 'DIGEST'")
			.query(String.class)
			.single()
			.replaceAll(".*token=", "");
		assertThat(this.api.post("/v1/email/unsubscribe?token=" + token).send().status()).isEqualTo(200);
		assertThat(this.api.get("/v1/me").as(PARIS).send().json().path("digest").asString()).isEqualTo("off");
		JsonNode settings = this.api.get("/v1/me/notification-settings").as(PARIS).send().json();
		assertThat(settings.path("email_reply").asBoolean()).as("and no single emails in its place").isFalse();
	}

	@Test
	void twoInstancesRunningTheJobAtOnceSendAWeeksDigestOnce() throws Exception {
		settings(TOKYO, Map.of("timezone", "Asia/Tokyo"));
		createdAt(follow("user_digest_friend", TOKYO), "2026-10-22T00:00:00Z");
		// Monday 26 October, 09:00 in Tokyo: the week's digest (due at 08:00) is due
		Instant monday = Instant.parse("2026-10-26T00:00:00Z");
		CyclicBarrier together = new CyclicBarrier(2);
		List<CompletableFuture<Integer>> instances = List.of(run(together, monday), run(together, monday));

		int queued = instances.stream().mapToInt(CompletableFuture::join).sum();

		assertThat(queued).isEqualTo(1);
		assertThat(this.digests.sendDue(monday.plusSeconds(3600))).as("a restart runs it again").isZero();
		this.outbox.sendDue();
		assertThat(RESEND.requests()).hasSize(1);
		assertThat(RESEND.requests().getFirst().headers()).containsEntry("idempotency-key",
				"digest:" + id(TOKYO) + ":2026-W44");
	}

	@Test
	void aDigestSwitchedOnGathersOnlyWhatCameSince() {
		String reader = "user_digest_switcher";
		this.fixtures.singleEmails(reader);
		follow("user_digest_early_fan", reader);
		assertThat(this.jdbc.sql("select count(*) from email_outbox where kind = 'FOLLOW'").query(Long.class).single())
			.as("emailed on its own")
			.isEqualTo(1);
		// a zone where it is about 09:00 now: the next digest's day began an hour ago,
		// the
		// follow is in it
		int offset = Math.floorMod(9 - java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).getHour() + 12, 24) - 12;
		String zone = (offset == 0) ? "Etc/GMT" : "Etc/GMT" + ((offset > 0) ? "-" + offset : "+" + -offset);
		settings(reader, Map.of("digest", "daily", "timezone", zone));
		// nor is a follower who has since deleted their account named in it
		follow("user_digest_late_fan", reader);
		assertThat(this.api.delete("/v1/me").as("user_digest_late_fan").send().status()).isEqualTo(202);

		assertThat(this.digests.sendDue(Instant.now().plus(java.time.Duration.ofDays(1)))).as("not again in the digest")
			.isZero();
	}

	@Test
	void settingsAreValidated() {
		Api.Reply zone = this.api.put("/v1/me").as(PARIS).json(Map.of("timezone", "Mars/Olympus")).send();
		assertThat(zone.status()).isEqualTo(400);
		assertThat(zone.json().path("error").path("details").has("timezone")).isTrue();
		assertThat(this.api.put("/v1/me").as(PARIS).json(Map.of("digest", "hourly")).send().status()).isEqualTo(400);
		JsonNode me = this.api.get("/v1/me").as(PARIS).send().json();
		assertThat(me.path("digest").asString()).as("the default").isEqualTo("weekly");
		assertThat(me.path("timezone").asString()).isEqualTo("UTC");
	}

	@Test
	void onlyTimeZonesPostgresqlKnowsAreAccepted() {
		// Java knows it, PostgreSQL (which places the digests) does not
		Api.Reply systemV = this.api.put("/v1/me").as(PARIS).json(Map.of("timezone", "SystemV/AST4")).send();
		assertThat(systemV.status()).isEqualTo(400);
		assertThat(systemV.json().path("error").path("details").has("timezone")).isTrue();
		assertThat(this.api.put("/v1/me")
			.as(PARIS)
			.json(Map.of("timezone", "America/Argentina/Buenos_Aires"))
			.send()
			.json()
			.path("timezone")
			.asString()).isEqualTo("America/Argentina/Buenos_Aires");
		assertThat(this.digests.sendDue(Instant.parse("2026-10-25T07:00:00Z"))).isZero();
	}

	private CompletableFuture<Integer> run(CyclicBarrier together, Instant now) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				together.await();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			return this.digests.sendDue(now);
		});
	}

	private void settings(String user, Map<String, Object> changes) {
		Api.Reply changed = this.api.put("/v1/me").as(user).json(changes).send();
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
	}

	private String follow(String follower, String followed) {
		assertThat(this.api.post("/v1/users/" + id(followed) + "/follow").as(follower).send().status()).isEqualTo(200);
		return latestNotificationOf(followed);
	}

	private String reply(String replier, String author) {
		String whisper = this.api.post("/v1/whispers")
			.as(author)
			.json(Map.of("content", "Thoughts"))
			.send()
			.json()
			.path("id")
			.asString();
		assertThat(this.api.post("/v1/whispers/" + whisper + "/replies")
			.as(replier)
			.json(Map.of("content", "Agreed"))
			.send()
			.status()).isEqualTo(201);
		return latestNotificationOf(author);
	}

	private String latestNotificationOf(String user) {
		return org.awaitility.Awaitility.await()
			.until(() -> this.api.get("/v1/notifications").as(user).send().json().path("data"),
					(notices) -> !notices.isEmpty())
			.get(0)
			.path("id")
			.asString();
	}

	private void createdAt(String notificationId, String at) {
		this.jdbc.sql("update notifications set created_at = cast(:at as timestamptz) where id = cast(:id as uuid)")
			.param("at", at)
			.param("id", notificationId)
			.update();
	}

	private String id(String user) {
		return this.fixtures.me(user).path("id").asString();
	}

}
