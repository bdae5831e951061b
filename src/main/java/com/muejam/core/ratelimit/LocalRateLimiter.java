package com.muejam.core.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * In-process buckets, one per policy and key, held in a bounded cache that forgets idle
 * keys. Limits hold per instance only; the Redis-backed limiter shares them.
 */
class LocalRateLimiter extends BucketRateLimiter {

	private final Cache<String, Bucket> buckets;

	LocalRateLimiter(RateLimitProperties properties, MeterRegistry meters, long maxKeys) {
		super(properties, meters);
		Duration longest = properties.policies()
			.values()
			.stream()
			.map(RateLimitProperties.Policy::period)
			.max(Duration::compareTo)
			.orElse(Duration.ofHours(1));
		this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(longest).build();
	}

	@Override
	RateLimitDecision consume(String policyName, RateLimitProperties.Policy policy, String key) {
		Bucket bucket = this.buckets.get(policyName + ':' + key,
				(ignored) -> Bucket.builder().addLimit(configuration(policy).getBandwidths()[0]).build());
		return decision(policyName, policy, bucket.tryConsumeAndReturnRemaining(1));
	}

}
