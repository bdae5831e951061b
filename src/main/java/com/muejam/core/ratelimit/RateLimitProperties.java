package com.muejam.core.ratelimit;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate-limit policies by name ({@code muejam.rate-limits.policies.whispers.capacity=10}
 * ...). Each policy is a bucket of {@code capacity} tokens refilled evenly over
 * {@code period}.
 *
 * @param enabled switch every limit off (benchmarks)
 * @param policies the policies by name
 */
@ConfigurationProperties("muejam.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue Map<String, Policy> policies) {

	public Policy policy(String name) {
		Policy policy = this.policies.get(name);
		if (policy == null) {
			throw new IllegalArgumentException("No rate-limit policy named '" + name + "' is configured");
		}
		return policy;
	}

	/**
	 * @param capacity operations allowed per period
	 * @param period the window over which the capacity refills
	 */
	public record Policy(int capacity, Duration period) {

		public Policy {
			if (capacity < 1 || period.isZero() || period.isNegative()) {
				throw new IllegalArgumentException("A rate-limit policy needs a positive capacity and period");
			}
		}

	}

}
