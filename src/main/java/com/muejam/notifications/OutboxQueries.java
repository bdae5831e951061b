package com.muejam.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the email outbox: queuing a message once per idempotency key, the worker's
 * claims, leases and outcomes, the reply-email cap and its digest, and the backlog.
 */
@Component
final class OutboxQueries {

	private final JdbcClient jdbc;

	OutboxQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Queues a message unless one with its idempotency key exists.
	 */
	void insertOnce(NewMessage message) {
		this.jdbc
			.sql("""
					insert into email_outbox (idempotency_key, notification_id, recipient, subject, html_body, text_body, unsubscribe_url,
					    kind, topic)
					values (:key, :notification, :to, :subject, :html, :text, :unsubscribe, :kind, :topic)
					on conflict (idempotency_key) do nothing""")
			.param("key", message.idempotencyKey())
			.param("notification", message.notificationId())
			.param("to", message.recipient())
			.param("subject", message.subject())
			.param("html", message.htmlBody())
			.param("text", message.textBody())
			.param("unsubscribe", message.unsubscribeUrl())
			.param("kind", message.kind().name())
			.param("topic", message.topic())
			.update();
	}

	/**
	 * Marks up to {@code batch} due messages {@code SENDING}, skipping rows another
	 * instance has locked, and counts the attempt. The pending status is a literal, as in
	 * {@link #backlog()}: the statement keeps one plan for all executions, and only a
	 * literal lets that plan use the partial index of pending messages instead of reading
	 * every message ever sent.
	 * @param batch the most messages to claim
	 * @return the claimed messages
	 */
	List<Due> claimDue(int batch) {
		return this.jdbc.sql("""
				with due as (
				    select id from email_outbox where status = 'PENDING' and next_attempt_at <= now()
				    order by next_attempt_at limit :batch for update skip locked)
				update email_outbox o set status = :sending, attempts = o.attempts + 1, updated_at = now()
				from due where o.id = due.id
				returning o.id, o.idempotency_key, o.recipient, o.subject, o.html_body, o.text_body, o.unsubscribe_url,
				          o.attempts""")
			.param("batch", batch)
			.param("sending", OutboxStatus.SENDING.name())
			.query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getString("idempotency_key"),
					rs.getString("recipient"), rs.getString("subject"), rs.getString("html_body"),
					rs.getString("text_body"), rs.getString("unsubscribe_url"), rs.getInt("attempts")))
			.list();
	}

	/**
	 * Puts messages claimed before {@code expired} and never recorded back to
	 * {@code PENDING}.
	 * @return how many were re-queued
	 */
	int requeueClaimedBefore(Instant expired) {
		return this.jdbc.sql("""
				update email_outbox set status = :pending, updated_at = now()
				where status = :sending and updated_at < :expired""")
			.param("pending", OutboxStatus.PENDING.name())
			.param("sending", OutboxStatus.SENDING.name())
			.param("expired", Timestamp.from(expired))
			.update();
	}

	/**
	 * Records the outcome of an attempt; {@code SENT} also stamps the send time.
	 * @param id the outbox row
	 * @param status the new status
	 * @param error why the attempt failed, or {@code null}
	 * @param providerId the provider's message id, or {@code null} to keep the stored one
	 * @param nextAttempt when to try again, or {@code null} to keep the stored time
	 */
	void recordOutcome(UUID id, OutboxStatus status, @Nullable String error, @Nullable String providerId,
			@Nullable Instant nextAttempt) {
		this.jdbc
			.sql("""
					update email_outbox set status = :status, last_error = :error, provider_message_id = coalesce(:provider, provider_message_id),
					    sent_at = case when :status = :sent then now() else sent_at end,
					    next_attempt_at = coalesce(:next, next_attempt_at), updated_at = now()
					where id = :id""")
			.param("status", status.name())
			.param("sent", OutboxStatus.SENT.name())
			.param("error", error)
			.param("provider", providerId)
			.param("next", (nextAttempt != null) ? Timestamp.from(nextAttempt) : null)
			.param("id", id)
			.update();
	}

	/**
	 * Serializes reply-email decisions for one recipient until the transaction ends.
	 */
	void lockRecipient(String email) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended('reply-email:' || :to, 0))")
			.param("to", email)
			.query()
			.singleRow();
	}

	/**
	 * Counts the reply emails a recipient was sent since a given time.
	 * @param email the recipient
	 * @param topic the whisper replied to
	 * @param since the window's start
	 * @return all of them, and those about {@code topic}
	 */
	RecentReplies recentReplies(String email, String topic, Instant since) {
		return this.jdbc.sql("""
				select count(*) as emails, count(*) filter (where topic = :topic) as about_this
				from email_outbox where recipient = :to and kind = 'REPLY' and created_at > :since""")
			.param("to", email)
			.param("topic", topic)
			.param("since", Timestamp.from(since))
			.query((rs, n) -> new RecentReplies(rs.getLong("emails"), rs.getLong("about_this")))
			.single();
	}

	/**
	 * Creates the window's digest with one folded reply, or adds one to it while it is
	 * still waiting.
	 * @param key the digest's idempotency key
	 * @param email the recipient
	 * @param unsubscribeUrl the reply emails' unsubscribe link
	 * @param due when the window ends
	 * @return the replies now folded in, 0 when the digest was already claimed
	 */
	int foldReply(String key, String email, String unsubscribeUrl, Instant due) {
		return this.jdbc.sql("""
				insert into email_outbox (idempotency_key, recipient, subject, html_body, text_body, unsubscribe_url,
				    kind, folded_count, next_attempt_at)
				values (:key, :to, '', '', '', :unsubscribe, 'REPLY_DIGEST', 1, :due)
				on conflict (idempotency_key) do update set folded_count = email_outbox.folded_count + 1
				where email_outbox.status = :pending
				returning folded_count""")
			.param("pending", OutboxStatus.PENDING.name())
			.param("key", key)
			.param("to", email)
			.param("unsubscribe", unsubscribeUrl)
			.param("due", Timestamp.from(due))
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	void rewriteMessage(String key, String subject, String textBody, String htmlBody) {
		this.jdbc.sql("""
				update email_outbox set subject = :subject, text_body = :text, html_body = :html
				where idempotency_key = :key""")
			.param("subject", subject)
			.param("text", textBody)
			.param("html", htmlBody)
			.param("key", key)
			.update();
	}

	/**
	 * Messages waiting to be sent, counted on the partial index of due messages.
	 */
	long backlog() {
		return this.jdbc.sql("""
				select count(*) from email_outbox where status = 'PENDING'""").query(Long.class).single();
	}

	/**
	 * A message to queue.
	 *
	 * @param idempotencyKey the provider's idempotency key, unique in the outbox
	 * @param notificationId the notification it tells about
	 * @param recipient the address
	 * @param subject the subject line
	 * @param htmlBody the HTML body
	 * @param textBody the plain-text body
	 * @param unsubscribeUrl the one-click unsubscribe link
	 * @param kind the notification type
	 * @param topic what it is about (the whisper replied to), or {@code null}
	 */
	record NewMessage(String idempotencyKey, @Nullable UUID notificationId, String recipient, String subject,
			String htmlBody, String textBody, @Nullable String unsubscribeUrl, NotificationType kind,
			@Nullable String topic) {
	}

	/**
	 * A claimed message as stored.
	 *
	 * @param id the outbox row
	 * @param idempotencyKey the provider's idempotency key
	 * @param recipient the address
	 * @param subject the subject line
	 * @param htmlBody the HTML body
	 * @param textBody the plain-text body
	 * @param unsubscribeUrl the one-click unsubscribe link, or {@code null}
	 * @param attempts attempts so far, this one included
	 */
	record Due(UUID id, String idempotencyKey, String recipient, String subject, String htmlBody, String textBody,
			@Nullable String unsubscribeUrl, int attempts) {
	}

	/**
	 * @param emails reply emails in the window
	 * @param aboutThis those about the same whisper
	 */
	record RecentReplies(long emails, long aboutThis) {
	}

}
