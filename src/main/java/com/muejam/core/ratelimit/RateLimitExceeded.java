package com.muejam.core.ratelimit;

import com.muejam.core.error.ApiException;
import com.muejam.core.error.ErrorCode;
import com.muejam.core.error.HeaderCarrying;

import org.springframework.http.HttpHeaders;

/**
 * Too many operations of one policy: HTTP 429 with {@code Retry-After} and the rate-limit
 * fields.
 */
public class RateLimitExceeded extends ApiException implements HeaderCarrying {

	private final transient RateLimitDecision decision;

	public RateLimitExceeded(RateLimitDecision decision) {
		super(ErrorCode.RATE_LIMITED,
				"Too many requests; retry after " + Math.max(1, decision.retryAfterSeconds()) + " seconds",
				java.util.Map.of("policy", decision.policy(), "retry_after_seconds",
						Math.max(1, decision.retryAfterSeconds())));
		this.decision = decision;
	}

	public RateLimitDecision decision() {
		return this.decision;
	}

	@Override
	public HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		this.decision.writeTo(headers);
		return headers;
	}

}
