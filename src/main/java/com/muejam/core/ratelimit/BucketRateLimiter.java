package com.muejam.core.ratelimit;

import java.util.concurrent.TimeUnit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Token buckets (bucket4j) per policy and key, greedy refill over the policy's period.
 * Subclasses say where the buckets live; refusals are counted
 * ({@code muejam.ratelimit.rejections}, by policy).
 */
abstract class BucketRateLimiter implements RateLimiter {

	private final RateLimitProperties properties;

	private final MeterRegistry meters;

	BucketRateLimiter(RateLimitProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.meters = meters;
	}

	@Override
	public RateLimitDecision consume(String policyName, String key) {
		if (!this.properties.enabled()) {
			return RateLimitDecision.unlimited(policyName);
		}
		RateLimitProperties.Policy policy = this.properties.policy(policyName);
		RateLimitDecision decision = consume(policyName, policy, key);
		if (!decision.allowed()) {
			Counter.builder("muejam.ratelimit.rejections")
				.description("Operations refused by a rate limit")
				.tag("policy", policyName)
				.register(this.meters)
				.increment();
		}
		return decision;
	}

	/**
	 * Takes one token from the key's bucket.
	 * @param policyName the policy's name
	 * @param policy the policy
	 * @param key whose bucket
	 * @return the outcome
	 */
	abstract RateLimitDecision consume(String policyName, RateLimitProperties.Policy policy, String key);

	RateLimitProperties properties() {
		return this.properties;
	}

	static BucketConfiguration configuration(RateLimitProperties.Policy policy) {
		return BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(policy.capacity()).refillGreedy(policy.capacity(), policy.period()))
			.build();
	}

	static RateLimitDecision decision(String policyName, RateLimitProperties.Policy policy, ConsumptionProbe probe) {
		return new RateLimitDecision(policyName, probe.isConsumed(), policy.capacity(), policy.period().toSeconds(),
				probe.getRemainingTokens(), seconds(probe.getNanosToWaitForReset()),
				probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill()));
	}

	private static long seconds(long nanos) {
		return (nanos <= 0) ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
	}

}
