package com.muejam.core.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A policy of capacity C per period P never lets more than C operations through in any
 * window of length P, whatever the timing of the requests; and it refuses an operation
 * only when C were let through in the P before it.
 */
class RateLimitWindowProperties {

	@Property(tries = 300)
	void noWindowOfOnePeriodHoldsMoreThanTheCapacity(@ForAll @IntRange(min = 1, max = 12) int capacity,
			@ForAll @IntRange(min = 1, max = 120) int periodSeconds,
			@ForAll @Size(min = 1, max = 80) List<@LongRange(min = 0, max = 20_000) Long> gapsInMillis) {
		long period = TimeUnit.SECONDS.toNanos(periodSeconds);
		AtomicLong now = new AtomicLong(TimeUnit.DAYS.toNanos(1));
		LocalRateLimiter limiter = new LocalRateLimiter(
				new RateLimitProperties(true,
						Map.of("p", new RateLimitProperties.Policy(capacity, Duration.ofSeconds(periodSeconds)))),
				new SimpleMeterRegistry(), 100, now::get);
		List<Long> allowed = new ArrayList<>();
		List<Long> refused = new ArrayList<>();
		for (long gap : gapsInMillis) {
			long at = now.addAndGet(TimeUnit.MILLISECONDS.toNanos(gap));
			(limiter.consume("p", "alice").allowed() ? allowed : refused).add(at);
		}
		for (long start : allowed) {
			long inWindow = allowed.stream().filter((at) -> at >= start && at <= start + period).count();
			assertThat(inWindow).as("allowed in the window starting at %d", start).isLessThanOrEqualTo(capacity);
		}
		for (long at : refused) {
			long before = allowed.stream().filter((t) -> t >= at - period && t <= at).count();
			assertThat(before).as("allowed in the period before a refusal at %d", at).isEqualTo(capacity);
		}
	}

}
