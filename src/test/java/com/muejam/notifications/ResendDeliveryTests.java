package com.muejam.notifications;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.muejam.social.UserFollowed;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Email delivery through the real Resend client code against a local stand-in that checks
 * the exact requests.
 */
@IntegrationTest
class ResendDeliveryTests {

	static final ResendStub RESEND = ResendStub.started();

	@Autowired
	Fixtures fixtures;

	@Autowired
	NotificationTriggers triggers;

	@Autowired
	EmailOutbox outbox;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void resend(DynamicPropertyRegistry registry) {
		RESEND.serve(registry);
		registry.add("muejam.email.worker.initial-backoff", () -> "300ms");
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
	void sendsTheExactRequestResendExpects() {
		String key = notifyAlice();
		this.outbox.sendDue();
		ResendStub.Request request = RESEND.requests().getFirst();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/emails");
		assertThat(request.headers()).containsEntry("authorization", "Bearer re_test_key")
			.containsEntry("idempotency-key", key)
			.containsEntry("content-type", "application/json");
		JsonNode body = JsonMapper.builder().build().readTree(request.body());
		assertThat(body.path("from").asString()).isEqualTo("MueJam <hello@muejam.test>");
		assertThat(body.path("to").get(0).asString()).isEqualTo("user_alice@example.com");
		assertThat(body.path("subject").asString()).endsWith("started following you");
		assertThat(body.path("html").asString()).contains("/v1/email/unsubscribe?token=");
		assertThat(body.path("text").asString()).contains("/v1/email/unsubscribe?token=");
		assertThat(body.path("headers").path("List-Unsubscribe").asString()).startsWith("<http");
		assertThat(status(key)).isEqualTo("SENT");
		assertThat(this.jdbc.sql("select provider_message_id from email_outbox where idempotency_key = :k")
			.param("k", key)
			.query(String.class)
			.single()).isEqualTo("re_0");
	}

	@Test
	void retriesFailuresWithGrowingDelaysThenSucceeds() {
		String key = notifyAlice();
		RESEND.failNext(503, 2);
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
			this.outbox.sendDue();
			return "SENT".equals(status(key));
		});
		List<ResendStub.Request> attempts = RESEND.requests();
		assertThat(attempts).hasSize(3).allMatch((r) -> key.equals(r.headers().get("idempotency-key")));
		Duration firstWait = Duration.between(attempts.get(0).at(), attempts.get(1).at());
		Duration secondWait = Duration.between(attempts.get(1).at(), attempts.get(2).at());
		assertThat(firstWait).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(secondWait).isGreaterThanOrEqualTo(Duration.ofMillis(600));
		assertThat(attemptsOf(key)).isEqualTo(3);
	}

	@Test
	void givesUpAfterThreeRetriesAndRecordsTheOutcome() {
		String key = notifyAlice();
		RESEND.failNext(500, 10);
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> {
			this.outbox.sendDue();
			return "FAILED".equals(status(key));
		});
		assertThat(RESEND.requests()).hasSize(4);
		assertThat(this.jdbc.sql("select last_error from email_outbox where idempotency_key = :k")
			.param("k", key)
			.query(String.class)
			.single()).contains("500");
	}

	@Test
	void aPermanentRejectionIsNotRetried() {
		String key = notifyAlice();
		RESEND.failNext(422, 1);
		this.outbox.sendDue();
		assertThat(status(key)).isEqualTo("FAILED");
		assertThat(RESEND.requests()).hasSize(1);
	}

	@Test
	void aWorkerDyingBetweenSendAndRecordCausesNoDuplicateAndNoLoss() {
		String key = notifyAlice();
		// the worker claims and sends, then dies before recording
		List<EmailOutbox.Claimed> claimed = this.outbox.claim();
		assertThat(claimed).hasSize(1);
		new ResendEmailSender(org.springframework.web.client.RestClient.builder(), new EmailProperties("resend",
				"MueJam <hello@muejam.test>", "http://localhost",
				new EmailProperties.Resend("re_test_key", RESEND.baseUrl(), Duration.ofSeconds(2),
						Duration.ofSeconds(5)),
				new EmailProperties.Worker(Duration.ofSeconds(1), 20, 3, Duration.ofMillis(300), Duration.ofMinutes(2)),
				new EmailProperties.Replies(5, Duration.ofHours(1))))
			.send(claimed.getFirst().message());
		assertThat(status(key)).isEqualTo("SENDING");
		// nothing recorded: after its lease the message is sent again, with the same key
		this.jdbc.sql("update email_outbox set updated_at = now() - interval '10 minutes' where idempotency_key = :k")
			.param("k", key)
			.update();
		this.outbox.sendDue();
		assertThat(status(key)).isEqualTo("SENT");
		assertThat(RESEND.requests()).hasSize(2).allMatch((r) -> key.equals(r.headers().get("idempotency-key")));
		assertThat(RESEND.deliveredMessages()).isEqualTo(1);
	}

	private String notifyAlice() {
		this.fixtures.singleEmails("user_alice");
		UUID alice = UUID.fromString(this.fixtures.me("user_alice").path("id").asString());
		UUID follower = UUID.fromString(this.fixtures.me("user_follower_" + UUID.randomUUID()).path("id").asString());
		triggers().on(new UserFollowed(follower, alice));
		return this.jdbc.sql("select idempotency_key from email_outbox order by created_at desc limit 1")
			.query(String.class)
			.single();
	}

	private String status(String key) {
		return this.jdbc.sql("select status from email_outbox where idempotency_key = :k")
			.param("k", key)
			.query(String.class)
			.single();
	}

	private int attemptsOf(String key) {
		return this.jdbc.sql("select attempts from email_outbox where idempotency_key = :k")
			.param("k", key)
			.query(Integer.class)
			.single();
	}

	/**
	 * The listener itself, called synchronously (through its proxy it runs asynchronously
	 * after commit, as events do).
	 */
	private NotificationTriggers triggers() {
		return AopTestUtils.getUltimateTargetObject(this.triggers);
	}

}
