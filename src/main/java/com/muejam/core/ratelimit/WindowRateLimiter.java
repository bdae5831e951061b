package com.muejam.core.ratelimit;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sliding-window limits per policy and key: no more than a policy's capacity in any
 * window of its period (see {@link SlidingWindowLog} for why, and why not a token
 * bucket). Subclasses say where the windows live; refusals are counted
 * ({@code muejam.ratelimit.rejections}, by policy).
 */
abstract class WindowRateLimiter implements RateLimiter {

	private final RateLimitProperties properties;

	private final MeterRegistry meters;

	WindowRateLimiter(RateLimitProperties properties, MeterRegistry meters) {
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
	 * Counts one operation in the key's window.
	 * @param policyName the policy's name
	 * @param policy the policy
	 * @param key whose window
	 * @return the outcome
	 */
	abstract RateLimitDecision consume(String policyName, RateLimitProperties.Policy policy, String key);

	RateLimitProperties properties() {
		return this.properties;
	}

	static RateLimitDecision decision(String policyName, RateLimitProperties.Policy policy,
			SlidingWindowLog.Outcome outcome, TimeUnit unit) {
		return new RateLimitDecision(policyName, outcome.allowed(), policy.capacity(), policy.period().toSeconds(),
				outcome.remaining(), seconds(unit.toNanos(outcome.untilEmpty())),
				outcome.allowed() ? 0 : seconds(unit.toNanos(outcome.untilAllowed())));
	}

	private static long seconds(long nanos) {
		return (nanos <= 0) ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
	}

}
