package com.muejam.core.ratelimit;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalRateLimiterTests {

	private final RateLimitProperties properties = new RateLimitProperties(true,
			Map.of("whispers", new RateLimitProperties.Policy(3, Duration.ofMinutes(1))));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final LocalRateLimiter limiter = new LocalRateLimiter(this.properties, this.meters, 1000);

	@Test
	void allowsUpToCapacityThenRefusesWithRetryAfter() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.limiter.consume("whispers", "alice").allowed()).isTrue();
		}
		RateLimitDecision refused = this.limiter.consume("whispers", "alice");
		assertThat(refused.allowed()).isFalse();
		// the first of the three leaves the window a minute after it was allowed
		assertThat(refused.retryAfterSeconds()).isBetween(59L, 61L);
		assertThatThrownBy(() -> this.limiter.enforce("whispers", "alice")).isInstanceOf(RateLimitExceeded.class);
		assertThat(this.meters.counter("muejam.ratelimit.rejections", "policy", "whispers").count()).isEqualTo(2);
	}

	@Test
	void keysHaveSeparateBuckets() {
		for (int i = 0; i < 3; i++) {
			this.limiter.consume("whispers", "alice");
		}
		assertThat(this.limiter.consume("whispers", "bob").allowed()).isTrue();
	}

	@Test
	void writesIetfRateLimitFields() {
		this.limiter.consume("whispers", "carol");
		RateLimitDecision decision = this.limiter.consume("whispers", "carol");
		HttpHeaders headers = new HttpHeaders();
		decision.writeTo(headers);
		assertThat(headers.getFirst("RateLimit-Policy")).isEqualTo("\"whispers\";q=3;w=60");
		assertThat(headers.getFirst("RateLimit")).startsWith("\"whispers\";r=1;t=");
		assertThat(headers.getFirst(HttpHeaders.RETRY_AFTER)).isNull();
	}

	@Test
	void aFloodOfClientAddressesDoesNotForgetAUsersLimits() {
		RateLimitProperties policies = new RateLimitProperties(true,
				Map.of("whispers", new RateLimitProperties.Policy(3, Duration.ofMinutes(1)), "requests-anonymous",
						new RateLimitProperties.Policy(300, Duration.ofMinutes(1))));
		LocalRateLimiter small = new LocalRateLimiter(policies, this.meters, 50);
		for (int i = 0; i < 3; i++) {
			assertThat(small.consume("whispers", "alice").allowed()).isTrue();
		}
		for (int i = 0; i < 5_000; i++) {
			small.consume("requests-anonymous", "10.0." + (i / 250) + "." + (i % 250));
		}
		assertThat(small.consume("whispers", "alice").allowed()).isFalse();
	}

	@Test
	void disabledLimitsAllowEverything() {
		LocalRateLimiter off = new LocalRateLimiter(new RateLimitProperties(false, this.properties.policies()),
				this.meters, 10);
		for (int i = 0; i < 10; i++) {
			assertThat(off.consume("whispers", "dave").allowed()).isTrue();
		}
	}

}
