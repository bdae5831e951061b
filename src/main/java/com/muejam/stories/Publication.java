package com.muejam.stories;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import com.muejam.core.error.ApiException;

/**
 * When a publish request makes content visible: now, or a scheduled time within a year.
 */
final class Publication {

	private static final Duration LONGEST_SCHEDULE = Duration.ofDays(366);

	private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(1);

	private Publication() {
	}

	static Instant at(@Nullable Instant requested, Instant now) {
		if (requested == null || !requested.isAfter(now)) {
			if (requested != null && requested.isBefore(now.minus(CLOCK_TOLERANCE))) {
				throw ApiException.invalidField("publish_at", "must not be in the past");
			}
			return now;
		}
		if (requested.isAfter(now.plus(LONGEST_SCHEDULE))) {
			throw ApiException.invalidField("publish_at", "must be within a year");
		}
		// PostgreSQL keeps microseconds: answer with the time that will be read back
		return requested.truncatedTo(ChronoUnit.MICROS);
	}

}
