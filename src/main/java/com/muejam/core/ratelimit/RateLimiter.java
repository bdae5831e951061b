package com.muejam.core.ratelimit;

/**
 * Counts operations against named policies, per key (a user id, or an IP for anonymous
 * callers). In-process by default; shared across instances through Redis when it is
 * configured.
 */
public interface RateLimiter {

	/**
	 * Takes one token from the key's bucket of the policy.
	 * @param policy the policy name, e.g. {@code whispers}
	 * @param key whose bucket
	 * @return the outcome, with what the rate-limit headers report
	 */
	RateLimitDecision consume(String policy, String key);

	/**
	 * Takes one token or fails.
	 * @param policy the policy name
	 * @param key whose bucket
	 * @throws RateLimitExceeded when the bucket is empty (HTTP 429)
	 */
	default void enforce(String policy, String key) {
		RateLimitDecision decision = consume(policy, key);
		if (!decision.allowed()) {
			throw new RateLimitExceeded(decision);
		}
	}

}
