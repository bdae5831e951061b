package com.muejam.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Keeps a reply flood from becoming an email flood: one recipient gets at most
 * {@code muejam.email.replies.per-window} reply emails in any window, never two about the
 * same whisper; every other reply of the window is folded into one "and N more" email,
 * sent when the window ends. Decisions for one recipient are serialized by a transaction
 * advisory lock, so concurrent replies cannot overshoot the cap.
 */
@Component
class ReplyEmails {

	static final String REPLY = "REPLY";

	static final String DIGEST = "REPLY_DIGEST";

	private final JdbcClient jdbc;

	private final EmailOutbox outbox;

	private final Unsubscribes unsubscribes;

	private final EmailProperties.Replies limits;

	private final Clock clock;

	ReplyEmails(JdbcClient jdbc, EmailOutbox outbox, Unsubscribes unsubscribes, EmailProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.unsubscribes = unsubscribes;
		this.limits = properties.replies();
		this.clock = clock;
	}

	/**
	 * Queues the email for a reply notification, or folds it into the window's digest, in
	 * the caller's transaction.
	 * @param recipientId the recipient's profile
	 * @param email their address
	 * @param notification the REPLY notification
	 * @param whisperId the whisper replied to
	 */
	void queue(UUID recipientId, String email, NotificationView notification, UUID whisperId) {
		Instant now = this.clock.instant();
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended('reply-email:' || :to, 0))")
			.param("to", email)
			.query()
			.singleRow();
		Recent recent = this.jdbc.sql("""
				select count(*) as emails, count(*) filter (where topic = :topic) as about_this
				from email_outbox where recipient = :to and kind = 'REPLY' and created_at > :since""")
			.param("to", email)
			.param("topic", whisperId.toString())
			.param("since", Timestamp.from(now.minus(this.limits.window())))
			.query((rs, n) -> new Recent(rs.getLong("emails"), rs.getLong("about_this")))
			.single();
		if (recent.emails() < this.limits.perWindow() && recent.aboutThis() == 0) {
			this.outbox.enqueue(recipientId, email, notification, whisperId.toString());
		}
		else {
			fold(recipientId, email, now);
		}
	}

	private void fold(UUID recipientId, String email, Instant now) {
		long window = this.limits.window().toSeconds();
		Instant windowStart = Instant.ofEpochSecond(now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), window));
		String key = "reply-digest:" + recipientId + ":" + windowStart.getEpochSecond();
		String unsubscribe = this.unsubscribes.link(recipientId, NotificationType.REPLY);
		Integer folded = this.jdbc.sql("""
				insert into email_outbox (idempotency_key, recipient, subject, html_body, text_body, unsubscribe_url,
				    kind, folded_count, next_attempt_at)
				values (:key, :to, '', '', '', :unsubscribe, 'REPLY_DIGEST', 1, :due)
				on conflict (idempotency_key) do update set folded_count = email_outbox.folded_count + 1
				where email_outbox.status = 'PENDING'
				returning folded_count""")
			.param("key", key)
			.param("to", email)
			.param("unsubscribe", unsubscribe)
			.param("due", Timestamp.from(windowStart.plus(Duration.ofSeconds(window))))
			.query(Integer.class)
			.optional()
			.orElse(0);
		if (folded == 0) {
			return;
		}
		String subject = "And " + folded + " more " + ((folded == 1) ? "reply" : "replies") + " to your whispers";
		String text = subject + ".\n\nStop these emails: " + unsubscribe + "\n";
		String html = "<p>" + HtmlUtils.htmlEscape(subject) + ".</p><p><a href=\"" + HtmlUtils.htmlEscape(unsubscribe)
				+ "\">Stop these emails</a></p>";
		this.jdbc.sql(
				"update email_outbox set subject = :subject, text_body = :text, html_body = :html where idempotency_key = :key")
			.param("subject", subject)
			.param("text", text)
			.param("html", html)
			.param("key", key)
			.update();
	}

	private record Recent(long emails, long aboutThis) {
	}

}
