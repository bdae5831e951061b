package com.muejam.core.events;

import java.time.Duration;
import java.time.Instant;

import org.springframework.modulith.events.EventPublication;

/**
 * When an incomplete event publication is due for another attempt: {@code resubmit-after}
 * after its last attempt, doubling with each attempt up to {@code max-delay}, and never
 * after {@code max-attempts} attempts (it is parked then).
 */
final class EventRetryPolicy {

	private final EventRetryProperties properties;

	EventRetryPolicy(EventRetryProperties properties) {
		this.properties = properties;
	}

	/**
	 * The wait after a publication's attempt number {@code attempts} before the next.
	 * @param attempts attempts made so far (1 after the first)
	 * @return the delay
	 */
	Duration delayAfter(int attempts) {
		Duration delay = this.properties.resubmitAfter();
		for (int i = 1; i < attempts && delay.compareTo(this.properties.maxDelay()) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(this.properties.maxDelay()) > 0) ? this.properties.maxDelay() : delay;
	}

	boolean isExhausted(int attempts) {
		return attempts >= this.properties.maxAttempts();
	}

	boolean isDue(EventPublication publication, Instant now) {
		int attempts = Math.max(1, publication.getCompletionAttempts());
		if (isExhausted(attempts)) {
			return false;
		}
		Instant last = publication.getLastResubmissionDate();
		Instant lastAttempt = (last != null) ? last : publication.getPublicationDate();
		return !lastAttempt.plus(delayAfter(attempts)).isAfter(now);
	}

}
