package com.muejam.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.HtmlUtils;

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

	private final OutboxQueries queries;

	private final TransactionTemplate transactions;

	private final EmailSender sender;

	private final Unsubscribes unsubscribes;

	private final EmailProperties.Worker settings;

	private final Clock clock;

	private final ObservationRegistry observations;

	EmailOutbox(OutboxQueries queries, TransactionTemplate transactions, EmailSender sender, Unsubscribes unsubscribes,
			EmailProperties properties, Clock clock, ObservationRegistry observations) {
		this.queries = queries;
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
			case NEW_CHAPTER -> actor + " published a new chapter" + ((topic != null) ? " of " + topic : "");
			case DATA_EXPORT_READY -> "Your data export is ready";
			case DIGEST -> throw new IllegalArgumentException("A digest is queued by enqueueDigest");
		};
		String unsubscribe = this.unsubscribes.link(recipientId, notification.type());
		String text = subject + ".\n\nStop these emails: " + unsubscribe + "\n";
		String html = "<p>" + HtmlUtils.htmlEscape(subject) + ".</p><p><a href=\"" + HtmlUtils.htmlEscape(unsubscribe)
				+ "\">Stop these emails</a></p>";
		this.queries.insertOnce(new OutboxQueries.NewMessage("notification-" + notification.id(), notification.id(),
				email, subject, html, text, unsubscribe, notification.type(), topic));
	}

	/**
	 * Queues the email telling a user their data export is ready, in the caller's
	 * transaction: always sent (they asked for it), so without an unsubscribe link.
	 * @param email their address
	 * @param notificationId the in-app notice
	 * @param downloadUrl the signed link to the file
	 * @param expiresAt when the link stops working
	 */
	void enqueueExportReady(String email, UUID notificationId, String downloadUrl, Instant expiresAt) {
		String subject = "Your data export is ready";
		String until = DateTimeFormatter.RFC_1123_DATE_TIME.format(expiresAt.atOffset(ZoneOffset.UTC));
		String text = "Your MueJam Library data export is ready. Download it until " + until + ":\n" + downloadUrl
				+ "\n";
		String html = "<p>Your MueJam Library data export is ready.</p><p><a href=\""
				+ HtmlUtils.htmlEscape(downloadUrl) + "\">Download it</a> until " + HtmlUtils.htmlEscape(until)
				+ ".</p>";
		this.queries.insertOnce(new OutboxQueries.NewMessage("notification-" + notificationId, notificationId, email,
				subject, html, text, null, NotificationType.DATA_EXPORT_READY, null));
	}

	/**
	 * Queues a digest, in the caller's transaction, once per reader and period (the
	 * idempotency key).
	 * @param recipientId the reader
	 * @param email their address
	 * @param key the reader and period
	 * @param digest the subject and bodies
	 */
	void enqueueDigest(UUID recipientId, String email, String key, DigestEmail digest) {
		String unsubscribe = this.unsubscribes.link(recipientId, NotificationType.DIGEST);
		String text = digest.text() + "\nStop digest emails: " + unsubscribe + "\n";
		String html = digest.html() + "<p><a href=\"" + HtmlUtils.htmlEscape(unsubscribe)
				+ "\">Stop digest emails</a></p>";
		this.queries.insertOnce(new OutboxQueries.NewMessage(key, null, email, digest.subject(), html, text,
				unsubscribe, NotificationType.DIGEST, null));
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
		return this.transactions.execute((tx) -> this.queries.claimDue(this.settings.batchSize())
			.stream()
			.map((due) -> new Claimed(due.id(),
					new EmailMessage(due.idempotencyKey(), due.recipient(), due.subject(), due.htmlBody(),
							due.textBody(), unsubscribeHeaders(due.unsubscribeUrl())),
					due.attempts()))
			.toList());
	}

	void deliver(Claimed claimed) {
		EmailMessage message = claimed.message();
		try {
			String providerId = this.sender.send(message);
			record(claimed.id(), OutboxStatus.SENT, null, providerId, null);
		}
		catch (EmailSender.EmailDeliveryFailed ex) {
			boolean retry = ex.retryable() && claimed.attempts() <= this.settings.maxRetries();
			if (retry) {
				Duration backoff = this.settings.initialBackoff().multipliedBy(1L << (claimed.attempts() - 1));
				record(claimed.id(), OutboxStatus.PENDING, ex.getMessage(), null, this.clock.instant().plus(backoff));
			}
			else {
				log.warn("Giving up on email {} after {} attempts: {}", message.idempotencyKey(), claimed.attempts(),
						ex.getMessage());
				record(claimed.id(), OutboxStatus.FAILED, ex.getMessage(), null, null);
			}
		}
	}

	@Transactional
	void reclaimExpiredLeases() {
		int reclaimed = this.queries.requeueClaimedBefore(this.clock.instant().minus(this.settings.lease()));
		if (reclaimed > 0) {
			log.info("Re-queued {} emails whose sending was never recorded", reclaimed);
		}
	}

	private void record(UUID id, OutboxStatus status, @Nullable String error, @Nullable String providerId,
			@Nullable Instant nextAttempt) {
		this.queries.recordOutcome(id, status, error, providerId, nextAttempt);
	}

	private static Map<String, String> unsubscribeHeaders(@Nullable String link) {
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
