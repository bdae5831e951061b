package com.muejam.core.ratelimit;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import redis.embedded.RedisServer;

import com.muejam.core.redis.RedisGuard;
import com.muejam.support.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis limiter keeps the same promise as the in-process one (see
 * {@link RateLimitWindowProperties}), against a real Redis server, with the time under
 * the test's control.
 */
class RedisRateLimitWindowProperties {

	private static RedisServer redis;

	private static int port;

	private static final AtomicLong keys = new AtomicLong();

	@BeforeContainer
	static void start() throws IOException {
		TestRedis started = TestRedis.start();
		redis = started.server();
		port = started.port();
	}

	@AfterContainer
	static void stop() throws IOException {
		redis.stop();
	}

	@Property(tries = 100)
	void noWindowOfOnePeriodHoldsMoreThanTheCapacity(@ForAll @IntRange(min = 1, max = 12) int capacity,
			@ForAll @IntRange(min = 1, max = 120) int periodSeconds,
			@ForAll @Size(min = 1, max = 60) List<@LongRange(min = 0, max = 20_000) Long> gapsInMillis) {
		long period = TimeUnit.SECONDS.toMicros(periodSeconds);
		AtomicLong now = new AtomicLong(TimeUnit.DAYS.toMicros(20_000));
		RedisRateLimiter limiter = new RedisRateLimiter(
				new RateLimitProperties(true,
						Map.of("p", new RateLimitProperties.Policy(capacity, Duration.ofSeconds(periodSeconds)))),
				new SimpleMeterRegistry(), "redis://127.0.0.1:" + port, Duration.ofSeconds(2), Duration.ofSeconds(2),
				new RedisGuard(CircuitBreaker.ofDefaults("test"), new SimpleMeterRegistry()), now::get);
		String key = "user-" + keys.incrementAndGet();
		List<Long> allowed = new ArrayList<>();
		List<Long> refused = new ArrayList<>();
		try {
			for (long gap : gapsInMillis) {
				long at = now.addAndGet(TimeUnit.MILLISECONDS.toMicros(gap));
				RateLimitDecision decision = limiter.consume("p", key);
				assertThat(decision.isUnlimited()).as("Redis answered").isFalse();
				(decision.allowed() ? allowed : refused).add(at);
			}
		}
		finally {
			limiter.destroy();
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
