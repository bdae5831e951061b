package com.muejam.notifications;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local default: logs each message (without its body) and keeps the last few in
 * memory so developers and tests can look at them. Refused by the {@code prod} profile.
 */
class LogEmailSender implements EmailSender {

	private static final Logger log = LoggerFactory.getLogger(LogEmailSender.class);

	private static final int KEPT = 100;

	private final Deque<EmailMessage> sent = new ArrayDeque<>();

	@Override
	public synchronized String send(EmailMessage message) {
		log.info("Email {} to {}: {}", message.idempotencyKey(), message.to(), message.subject());
		this.sent.addFirst(message);
		while (this.sent.size() > KEPT) {
			this.sent.removeLast();
		}
		return "log-" + message.idempotencyKey();
	}

	synchronized List<EmailMessage> recent() {
		return List.copyOf(this.sent);
	}

}
