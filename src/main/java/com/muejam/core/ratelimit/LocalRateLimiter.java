package com.muejam.core.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * In-process buckets (bucket4j), one per policy and key, held in a bounded cache that
 * forgets idle keys. Limits hold per instance only; the Redis-backed limiter shares them.
 */
class LocalRateLimiter implements RateLimiter {

	private final RateLimitProperties properties;

	private final Cache<String, Bucket> buckets;

	LocalRateLimiter(RateLimitProperties properties, long maxKeys) {
		this.properties = properties;
		Duration longest = properties.policies()
			.values()
			.stream()
			.map(RateLimitProperties.Policy::period)
			.max(Duration::compareTo)
			.orElse(Duration.ofHours(1));
		this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(longest).build();
	}

	@Override
	public RateLimitDecision consume(String policyName, String key) {
		if (!this.properties.enabled()) {
			return RateLimitDecision.unlimited(policyName);
		}
		RateLimitProperties.Policy policy = this.properties.policy(policyName);
		Bucket bucket = this.buckets.get(policyName + ':' + key, (ignored) -> newBucket(policy));
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		return new RateLimitDecision(policyName, probe.isConsumed(), policy.capacity(), policy.period().toSeconds(),
				probe.getRemainingTokens(), seconds(probe.getNanosToWaitForReset()),
				probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill()));
	}

	private static Bucket newBucket(RateLimitProperties.Policy policy) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(policy.capacity())
				.refillGreedy(policy.capacity(), policy.period())
				.build())
			.build();
	}

	private static long seconds(long nanos) {
		return (nanos <= 0) ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
	}

}
