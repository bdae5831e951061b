package com.muejam.core.ratelimit;

import org.springframework.http.HttpHeaders;

/**
 * The outcome of one rate-limited operation.
 *
 * @param policy the policy's name
 * @param allowed whether the operation may proceed
 * @param limit the policy's capacity
 * @param windowSeconds the policy's period in seconds
 * @param remaining tokens left after this operation
 * @param resetSeconds seconds until the bucket is full again
 * @param retryAfterSeconds seconds until the next operation is allowed (0 when allowed)
 */
public record RateLimitDecision(String policy, boolean allowed, long limit, long windowSeconds, long remaining,
		long resetSeconds, long retryAfterSeconds) {

	public static RateLimitDecision unlimited(String policy) {
		return new RateLimitDecision(policy, true, Long.MAX_VALUE, 0, Long.MAX_VALUE, 0, 0);
	}

	public boolean isUnlimited() {
		return this.limit == Long.MAX_VALUE;
	}

	/**
	 * Writes the IETF {@code RateLimit-Policy} and {@code RateLimit} fields (and
	 * {@code Retry-After} when refused).
	 * @param headers where to write them
	 */
	public void writeTo(HttpHeaders headers) {
		if (isUnlimited()) {
			return;
		}
		headers.set("RateLimit-Policy", "\"%s\";q=%d;w=%d".formatted(this.policy, this.limit, this.windowSeconds));
		headers.set("RateLimit", "\"%s\";r=%d;t=%d".formatted(this.policy, this.remaining, this.resetSeconds));
		if (!this.allowed) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, this.retryAfterSeconds)));
		}
	}

}
