package com.muejam.core.events;

import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.muejam.core.error.ApiException;
import com.muejam.core.pagination.CursorCodec;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.Keyset;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Service;

/**
 * Event publications whose listener failed every attempt: parked (a WARN line and the
 * {@code muejam_events_park_total} counter when it happens, the
 * {@code muejam_events_parked} gauge while it lasts), listed for moderators and
 * resubmitted on their request.
 */
@Service
class ParkedEvents {

	private static final Logger log = LoggerFactory.getLogger(ParkedEvents.class);

	private static final String LIST = "parked-events";

	private final ParkedEventQueries queries;

	private final IncompleteEventPublications publications;

	private final EventRetryProperties properties;

	private final CursorCodec cursors;

	private final Counter parkings;

	ParkedEvents(ParkedEventQueries queries, IncompleteEventPublications publications, EventRetryProperties properties,
			CursorCodec cursors, MeterRegistry meters) {
		this.queries = queries;
		this.publications = publications;
		this.properties = properties;
		this.cursors = cursors;
		this.parkings = Counter.builder("muejam.events.park")
			.description("Event publications parked after their listener failed every attempt")
			.register(meters);
		Gauge.builder("muejam.events.parked", queries, ParkedEventQueries::countParked)
			.description("Event publications parked now, waiting for an operator")
			.strongReference(true)
			.register(meters);
	}

	void parkExhausted(Instant now) {
		this.queries.forgetFinished();
		for (ParkedEventView parked : this.queries.parkExhausted(this.properties.maxAttempts(), now)) {
			this.parkings.increment();
			log.warn("Parked event publication {} after {} failed attempts: listener {}, event {}", parked.id(),
					parked.attempts(), parked.listenerId(), parked.eventType());
		}
	}

	CursorPage<ParkedEventView> list(CurrentUser user, PageParams page) {
		requireModerator(user);
		@Nullable Keyset after = Keyset.after(this.cursors, LIST, page);
		return CursorPage.of(this.queries.page(after, page), page,
				(parked) -> new Keyset(parked.parkedAt(), parked.id()).encode(this.cursors, LIST));
	}

	/**
	 * Unparks a publication and runs its listener again (asynchronously); if it fails
	 * again it is parked again by the next run of the retry job.
	 * @param user the caller, a moderator
	 * @param id the publication id
	 */
	void resubmit(CurrentUser user, UUID id) {
		requireModerator(user);
		if (!this.queries.unpark(id)) {
			throw ApiException.notFound("Parked event publication");
		}
		log.info("Resubmitting parked event publication {} for {}", id, user.subject());
		this.publications.resubmitIncompletePublications((publication) -> publication.getIdentifier().equals(id));
	}

	private static void requireModerator(CurrentUser user) {
		if (!user.isModerator()) {
			throw ApiException.forbidden("Only moderators may manage parked events");
		}
	}

}
