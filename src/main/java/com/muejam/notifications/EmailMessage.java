package com.muejam.notifications;

import java.util.Map;

/**
 * One email, as the outbox holds it.
 *
 * @param idempotencyKey unique per message; the provider delivers a key once
 * @param to the recipient
 * @param subject the subject
 * @param html the HTML body
 * @param text the plain-text body
 * @param headers extra headers, such as {@code List-Unsubscribe}
 */
record EmailMessage(String idempotencyKey, String to, String subject, String html, String text,
		Map<String, String> headers) {
}
