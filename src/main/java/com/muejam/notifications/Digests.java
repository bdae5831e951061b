package com.muejam.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.IsoFields;
import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends digests through the outbox: every few minutes, the readers whose 08:00 (daily) or
 * Monday 08:00 (weekly) passed in their time zone since their last digest get one with
 * what they were notified of since (nothing is sent when there is nothing new). Each
 * reader is one transaction that first moves their coverage forward, so two instances, a
 * restart or a rerun send a period's digest once; the outbox's idempotency key (reader
 * and period) makes sure of it again at the provider.
 */
@Component
public class Digests {

	private static final int BATCH = 500;

	private static final int MAX_BATCHES = 20;

	private final DigestQueries queries;

	private final EmailOutbox outbox;

	private final TransactionTemplate transactions;

	private final ObservationRegistry observations;

	private final Clock clock;

	Digests(DigestQueries queries, EmailOutbox outbox, TransactionTemplate transactions,
			ObservationRegistry observations, Clock clock) {
		this.queries = queries;
		this.outbox = outbox;
		this.transactions = transactions;
		this.observations = observations;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${muejam.email.digest-interval:5m}", initialDelayString = "1m")
	@SchedulerLock(name = "email-digests", lockAtMostFor = "10m")
	void sendDue() {
		Observation.createNotStarted("muejam.job", this.observations)
			.lowCardinalityKeyValue("job", "email-digests")
			.observe(() -> sendDue(this.clock.instant()));
	}

	/**
	 * Queues the digests due at a moment.
	 * @param now the moment
	 * @return how many digests were queued
	 */
	public int sendDue(Instant now) {
		int queued = 0;
		for (int batch = 0; batch < MAX_BATCHES; batch++) {
			List<DigestQueries.DueReader> due = this.queries.due(now, BATCH);
			for (DigestQueries.DueReader reader : due) {
				Boolean sent = this.transactions.execute((tx) -> send(reader));
				queued += Boolean.TRUE.equals(sent) ? 1 : 0;
			}
			if (due.size() < BATCH) {
				break;
			}
		}
		return queued;
	}

	private boolean send(DigestQueries.DueReader reader) {
		if (!this.queries.cover(reader.userId(), reader.boundary())) {
			return false;
		}
		boolean daily = reader.digest().equals("daily");
		Instant after = reader.after(Duration.ofDays(daily ? 1 : 7));
		List<DigestQueries.DigestItem> items = this.queries.items(reader.userId(), after, reader.boundary());
		if (items.isEmpty()) {
			return false;
		}
		String period = daily ? reader.localDay().toString() : reader.localDay().get(IsoFields.WEEK_BASED_YEAR) + "-W"
				+ reader.localDay().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
		this.outbox.enqueueDigest(reader.userId(), reader.email(), "digest:" + reader.userId() + ":" + period,
				DigestEmail.of(daily ? "daily" : "weekly", items));
		return true;
	}

}
