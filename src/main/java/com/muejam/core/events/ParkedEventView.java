package com.muejam.core.events;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An event publication parked after its listener failed every attempt.
 *
 * @param id the publication id ({@code event_publication.id})
 * @param listenerId the listener that failed
 * @param eventType the event's class
 * @param publishedAt when the event was published
 * @param attempts attempts made
 * @param lastAttemptAt when the last attempt started
 * @param parkedAt when it was parked
 */
record ParkedEventView(UUID id, String listenerId, String eventType, Instant publishedAt, int attempts,
		@Nullable Instant lastAttemptAt, Instant parkedAt) {

}
