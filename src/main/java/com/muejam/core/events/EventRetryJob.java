package com.muejam.core.events;

import java.time.Clock;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmits event publications whose listener failed (or whose instance died), each when
 * its backoff has passed ({@link EventRetryPolicy}), and parks those that used up their
 * attempts ({@link ParkedEvents}). Runs on one instance per schedule.
 */
@Component
class EventRetryJob {

	private static final Logger log = LoggerFactory.getLogger(EventRetryJob.class);

	private final IncompleteEventPublications publications;

	private final EventRetryPolicy policy;

	private final ParkedEvents parked;

	private final Clock clock;

	EventRetryJob(IncompleteEventPublications publications, EventRetryProperties properties, ParkedEvents parked,
			Clock clock) {
		this.publications = publications;
		this.policy = new EventRetryPolicy(properties);
		this.parked = parked;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${muejam.events.resubmit-interval:1m}",
			initialDelayString = "${muejam.events.resubmit-interval:1m}")
	@SchedulerLock(name = "event-resubmission", lockAtMostFor = "5m")
	void retryFailed() {
		try {
			retry(this.clock.instant());
		}
		catch (RuntimeException ex) {
			log.warn("Could not resubmit incomplete event publications", ex);
		}
	}

	/**
	 * Resubmits the publications due at {@code now} and parks the exhausted ones.
	 * @param now the time to decide by
	 */
	void retry(Instant now) {
		this.publications.resubmitIncompletePublications((publication) -> this.policy.isDue(publication, now));
		this.parked.parkExhausted(now);
	}

}
