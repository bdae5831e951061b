package com.muejam.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

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

	private final OutboxQueries queries;

	private final EmailOutbox outbox;

	private final Unsubscribes unsubscribes;

	private final EmailProperties.Replies limits;

	private final Clock clock;

	ReplyEmails(OutboxQueries queries, EmailOutbox outbox, Unsubscribes unsubscribes, EmailProperties properties,
			Clock clock) {
		this.queries = queries;
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
		this.queries.lockRecipient(email);
		OutboxQueries.RecentReplies recent = this.queries.recentReplies(email, whisperId.toString(),
				now.minus(this.limits.window()));
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
		int folded = this.queries.foldReply(key, email, unsubscribe, windowStart.plus(Duration.ofSeconds(window)));
		if (folded == 0) {
			return;
		}
		String subject = "And " + folded + " more " + ((folded == 1) ? "reply" : "replies") + " to your whispers";
		String text = subject + ".\n\nStop these emails: " + unsubscribe + "\n";
		String html = "<p>" + HtmlUtils.htmlEscape(subject) + ".</p><p><a href=\"" + HtmlUtils.htmlEscape(unsubscribe)
				+ "\">Stop these emails</a></p>";
		this.queries.rewriteMessage(key, subject, text, html);
	}

}
