package com.muejam.core.idempotency;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes idempotency keys past their retention, on one instance per schedule.
 */
@Component
class IdempotencyKeyExpiry {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyExpiry.class);

	private final IdempotencyKeys keys;

	private final Clock clock;

	IdempotencyKeyExpiry(IdempotencyKeys keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${muejam.idempotency.expiry-interval:15m}",
			initialDelayString = "${muejam.idempotency.expiry-interval:15m}")
	@SchedulerLock(name = "idempotency-key-expiry", lockAtMostFor = "10m")
	void deleteExpired() {
		int deleted = this.keys.deleteExpired(this.clock.instant());
		if (deleted > 0) {
			log.info("Deleted {} expired idempotency keys", deleted);
		}
	}

}
