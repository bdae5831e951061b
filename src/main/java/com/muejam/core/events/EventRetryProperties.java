package com.muejam.core.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed event listeners are retried ({@code muejam.events.*}).
 *
 * @param maxAttempts attempts in all (the first included) before the publication is
 * parked
 * @param resubmitAfter the delay before the first retry; each later one doubles it
 * @param maxDelay the longest delay between two attempts
 */
@ConfigurationProperties("muejam.events")
record EventRetryProperties(@DefaultValue("8") int maxAttempts, @DefaultValue("1m") Duration resubmitAfter,
		@DefaultValue("1h") Duration maxDelay) {

	EventRetryProperties {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("muejam.events.max-attempts must be at least 1");
		}
	}

}
