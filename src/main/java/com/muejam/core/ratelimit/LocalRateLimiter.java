package com.muejam.core.ratelimit;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * In-process sliding windows, one per policy and key. Each policy keeps its windows in a
 * cache of its own, bounded and forgetting keys idle for a period: a flood of keys in one
 * policy (anonymous requests from rotating client addresses) evicts only that policy's
 * windows, never a user's whisper, report or publish limits. Limits hold per instance
 * only; the Redis-backed limiter shares them.
 */
class LocalRateLimiter extends WindowRateLimiter {

	private final Map<String, Cache<String, SlidingWindowLog>> windows;

	private final LongSupplier nanoClock;

	LocalRateLimiter(RateLimitProperties properties, MeterRegistry meters, long maxKeysPerPolicy) {
		this(properties, meters, maxKeysPerPolicy, System::nanoTime);
	}

	/**
	 * @param properties the policies
	 * @param meters where refusals are counted
	 * @param maxKeysPerPolicy the bound of each policy's cache
	 * @param nanoClock a monotonic clock in nanoseconds (tests control it)
	 */
	LocalRateLimiter(RateLimitProperties properties, MeterRegistry meters, long maxKeysPerPolicy,
			LongSupplier nanoClock) {
		super(properties, meters);
		this.nanoClock = nanoClock;
		this.windows = properties.policies()
			.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
					(policy) -> Caffeine.newBuilder()
						.maximumSize(maxKeysPerPolicy)
						.expireAfterAccess(policy.getValue().period())
						// evict on the caller's thread: the bound holds at once
						.executor(Runnable::run)
						.<String, SlidingWindowLog>build()));
	}

	@Override
	RateLimitDecision consume(String policyName, RateLimitProperties.Policy policy, String key) {
		SlidingWindowLog window = this.windows.get(policyName)
			.get(key, (ignored) -> new SlidingWindowLog(policy.capacity(), policy.period().toNanos()));
		return decision(policyName, policy, window.tryAcquire(this.nanoClock.getAsLong()), TimeUnit.NANOSECONDS);
	}

}
