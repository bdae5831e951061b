package com.muejam.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.HtmlUtils;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable email outbox. A message is a row written in the same transaction as its
 * notification, keyed by an idempotency key derived from the notification (the same event
 * never queues two emails). The worker claims due rows with
 * {@code FOR UPDATE SKIP LOCKED} (so several instances share the work), sends them, and
 * records the outcome; failures are retried with exponential backoff up to the configured
 * number of retries, then marked {@code FAILED}. A row claimed but never recorded (the
 * instance died) is sent again after its lease, with the same idempotency key, which the
 * provider delivers once.
 */
@Component
class EmailOutbox {

	private static final Logger log = LoggerFactory.getLogger(EmailOutbox.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final EmailSender sender;

	private final Unsubscribes unsubscribes;

	private final EmailProperties.Worker settings;

	private final Clock clock;

	private final ObservationRegistry observations;

	EmailOutbox(JdbcClient jdbc, TransactionTemplate transactions, EmailSender sender, Unsubscribes unsubscribes,
			EmailProperties properties, Clock clock, ObservationRegistry observations) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.sender = sender;
		this.unsubscribes = unsubscribes;
		this.settings = properties.worker();
		this.clock = clock;
		this.observations = observations;
	}

	/**
	 * Queues the email for a notification, in the caller's transaction.
	 * @param recipientId the recipient's profile
	 * @param email their address
	 * @param notification the notification
	 * @param topic what the email is about (the whisper replied to), if anything
	 */
	void enqueue(UUID recipientId, String email, NotificationView notification, @Nullable String topic) {
		String actor = (notification.actor() != null) ? notification.actor().displayName() : "Someone";
		String subject = switch (notification.type()) {
			case REPLY -> actor + " replied to your whisper";
			case FOLLOW -> actor + " started following you";
		};
		String unsubscribe = this.unsubscribes.link(recipientId, notification.type());
		String text = subject + ".\n\nStop these emails: " + unsubscribe + "\n";
		String html = "<p>" + HtmlUtils.htmlEscape(subject) + ".</p><p><a href=\"" + HtmlUtils.htmlEscape(unsubscribe)
				+ "\">Stop these emails</a></p>";
		this.jdbc
			.sql("""
					insert into email_outbox (idempotency_key, notification_id, recipient, subject, html_body, text_body, unsubscribe_url,
					    kind, topic)
					values (:key, :notification, :to, :subject, :html, :text, :unsubscribe, :kind, :topic)
					on conflict (idempotency_key) do nothing""")
			.param("key", "notification-" + notification.id())
			.param("notification", notification.id())
			.param("to", email)
			.param("subject", subject)
			.param("html", html)
			.param("text", text)
			.param("unsubscribe", unsubscribe)
			.param("kind", notification.type().name())
			.param("topic", topic)
			.update();
	}

	@Scheduled(fixedDelayString = "${muejam.email.worker.interval:1s}")
	void sendDue() {
		Observation.createNotStarted("muejam.job", this.observations)
			.lowCardinalityKeyValue("job", "email-outbox")
			.observe(() -> {
				reclaimExpiredLeases();
				for (Claimed message : claim()) {
					deliver(message);
				}
			});
	}

	/**
	 * Claims due messages in a short transaction of its own, so they are marked
	 * {@code SENDING} before anything is sent.
	 * @return the claimed messages
	 */
	List<Claimed> claim() {
		return this.transactions.execute((tx) -> this.jdbc.sql("""
				with due as (
				    select id from email_outbox where status = 'PENDING' and next_attempt_at <= now()
				    order by next_attempt_at limit :batch for update skip locked)
				update email_outbox o set status = 'SENDING', attempts = o.attempts + 1, updated_at = now()
				from due where o.id = due.id
				returning o.id, o.idempotency_key, o.recipient, o.subject, o.html_body, o.text_body, o.unsubscribe_url,
				          o.attempts""")
			.param("batch", this.settings.batchSize())
			.query((rs, n) -> new Claimed(rs.getObject("id", UUID.class),
					new EmailMessage(rs.getString("idempotency_key"), rs.getString("recipient"),
							rs.getString("subject"), rs.getString("html_body"), rs.getString("text_body"),
							unsubscribeHeaders(rs.getString("unsubscribe_url"))),
					rs.getInt("attempts")))
			.list());
	}

	void deliver(Claimed claimed) {
		EmailMessage message = claimed.message();
		try {
			String providerId = this.sender.send(message);
			record(claimed.id(), "SENT", null, providerId, null);
		}
		catch (EmailSender.EmailDeliveryFailed ex) {
			boolean retry = ex.retryable() && claimed.attempts() <= this.settings.maxRetries();
			if (retry) {
				Duration backoff = this.settings.initialBackoff().multipliedBy(1L << (claimed.attempts() - 1));
				record(claimed.id(), "PENDING", ex.getMessage(), null, this.clock.instant().plus(backoff));
			}
			else {
				log.warn("Giving up on email {} after {} attempts: {}", message.idempotencyKey(), claimed.attempts(),
						ex.getMessage());
				record(claimed.id(), "FAILED", ex.getMessage(), null, null);
			}
		}
	}

	@Transactional
	void reclaimExpiredLeases() {
		int reclaimed = this.jdbc.sql("""
				update email_outbox set status = 'PENDING', updated_at = now()
				where status = 'SENDING' and updated_at < :expired""")
			.param("expired", Timestamp.from(this.clock.instant().minus(this.settings.lease())))
			.update();
		if (reclaimed > 0) {
			log.info("Re-queued {} emails whose sending was never recorded", reclaimed);
		}
	}

	private void record(UUID id, String status, @Nullable String error, @Nullable String providerId,
			@Nullable Instant nextAttempt) {
		this.jdbc
			.sql("""
					update email_outbox set status = :status, last_error = :error, provider_message_id = coalesce(:provider, provider_message_id),
					    sent_at = case when :status = 'SENT' then now() else sent_at end,
					    next_attempt_at = coalesce(:next, next_attempt_at), updated_at = now()
					where id = :id""")
			.param("status", status)
			.param("error", error)
			.param("provider", providerId)
			.param("next", (nextAttempt != null) ? Timestamp.from(nextAttempt) : null)
			.param("id", id)
			.update();
	}

	private static Map<String, String> unsubscribeHeaders(String link) {
		if (link == null) {
			return Map.of();
		}
		// RFC 8058 one-click unsubscribe
		return Map.of("List-Unsubscribe", "<" + link + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
	}

	/**
	 * @param id the outbox row
	 * @param message what to send
	 * @param attempts attempts so far, this one included
	 */
	record Claimed(UUID id, EmailMessage message, int attempts) {
	}

}
