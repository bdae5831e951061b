package com.muejam.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.ObservationRegistry;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.BeforeTry;

import com.muejam.support.CleanState;
import com.muejam.support.IntegrationTest;
import com.muejam.support.SpringContexts;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed property 31 (and 25) against the real database: a message that keeps failing is
 * retried up to 3 times with exponentially growing delays, then marked failed; one that
 * succeeds in time is sent exactly once.
 */
@IntegrationTest
class EmailRetryProperties {

	private static final Duration BASE = Duration.ofSeconds(1);

	private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	private final ApplicationContext context = SpringContexts.of(EmailRetryProperties.class);

	private final JdbcClient jdbc = this.context.getBean(JdbcClient.class);

	@BeforeTry
	void clean() {
		CleanState.clean(this.context);
	}

	@Property(tries = 30)
	void failuresAreRetriedThreeTimesWithDoublingDelays(@ForAll @IntRange(min = 0, max = 6) int failures) {
		AtomicInteger calls = new AtomicInteger();
		List<String> sentKeys = new ArrayList<>();
		EmailSender flaky = (message) -> {
			if (calls.incrementAndGet() <= failures) {
				throw new EmailSender.EmailDeliveryFailed("scripted failure", true, null);
			}
			sentKeys.add(message.idempotencyKey());
			return "id";
		};
		EmailOutbox outbox = new EmailOutbox(new OutboxQueries(this.jdbc),
				this.context.getBean(TransactionTemplate.class), flaky, this.context.getBean(Unsubscribes.class),
				new EmailProperties("log", "from@example.com", "http://localhost",
						new EmailProperties.Resend(null, "http://unused", Duration.ofSeconds(1), Duration.ofSeconds(1)),
						new EmailProperties.Worker(Duration.ofSeconds(1), 20, 3, BASE, Duration.ofMinutes(2)),
						new EmailProperties.Replies(5, Duration.ofHours(1))),
				Clock.fixed(NOW, ZoneOffset.UTC), ObservationRegistry.NOOP);
		String key = "notification-" + UUID.randomUUID();
		this.jdbc.sql("""
				insert into email_outbox (idempotency_key, recipient, subject, html_body, text_body)
				values (:key, 'reader@example.com', 'Subject', '<p>Hi</p>', 'Hi')""").param("key", key).update();
		List<Duration> delays = new ArrayList<>();
		String status = "PENDING";
		for (int round = 0; round < 10 && status.equals("PENDING"); round++) {
			outbox.claim().forEach(outbox::deliver);
			Map<String, Object> row = this.jdbc
				.sql("select status, next_attempt_at from email_outbox where idempotency_key = :key")
				.param("key", key)
				.query()
				.singleRow();
			status = (String) row.get("status");
			if (status.equals("PENDING")) {
				delays.add(Duration.between(NOW, ((java.sql.Timestamp) row.get("next_attempt_at")).toInstant()));
				// the delay has passed
				this.jdbc.sql(
						"update email_outbox set next_attempt_at = now() - interval '1 second' where idempotency_key = :key")
					.param("key", key)
					.update();
			}
		}
		int retriesAllowed = 3;
		if (failures <= retriesAllowed) {
			assertThat(status).isEqualTo("SENT");
			assertThat(sentKeys).containsExactly(key);
			assertThat(calls.get()).isEqualTo(failures + 1);
		}
		else {
			assertThat(status).isEqualTo("FAILED");
			assertThat(sentKeys).isEmpty();
			assertThat(calls.get()).isEqualTo(retriesAllowed + 1);
		}
		List<Duration> expected = List.of(BASE, BASE.multipliedBy(2), BASE.multipliedBy(4))
			.subList(0, Math.min(failures, retriesAllowed));
		assertThat(delays).isEqualTo(expected);
	}

}
