package com.muejam.core.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A token's signature is checked once, not on every request, and never trusted past its
 * expiry or when it failed.
 */
class VerifiedTokensTests {

	private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

	private final AtomicReference<Instant> now = new AtomicReference<>(NOW);

	private final Clock clock = new Clock() {
		@Override
		public Instant instant() {
			return VerifiedTokensTests.this.now.get();
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	};

	private final AtomicInteger verified = new AtomicInteger();

	private final JwtDecoder verifier = (token) -> {
		this.verified.incrementAndGet();
		if (token.startsWith("bad")) {
			throw new BadJwtException("bad signature");
		}
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject("user_" + token)
			.issuedAt(NOW.minusSeconds(5))
			.expiresAt(NOW.plus(Duration.ofMinutes(1)))
			.build();
	};

	private final VerifiedTokens tokens = new VerifiedTokens(this.verifier, this.clock, 100);

	@Test
	void aTokenIsVerifiedOnceWhileItIsValid() {
		assertThat(this.tokens.decode("a").getSubject()).isEqualTo("user_a");
		assertThat(this.tokens.decode("a").getSubject()).isEqualTo("user_a");
		assertThat(this.tokens.decode("b").getSubject()).isEqualTo("user_b");
		assertThat(this.verified).hasValue(2);
	}

	@Test
	void anExpiredTokenIsVerifiedAgainAndSoRejectedByTheVerifier() {
		this.tokens.decode("a");
		this.now.set(NOW.plus(Duration.ofMinutes(2)));
		this.tokens.decode("a");
		assertThat(this.verified).hasValue(2);
	}

	@Test
	void aTokenLeavesMemoryWhenItExpires() {
		this.tokens.decode("a");
		this.tokens.decode("b");
		assertThat(this.tokens.remembered()).isEqualTo(2);
		this.now.set(NOW.plus(Duration.ofSeconds(61)));
		assertThat(this.tokens.remembered()).isZero();
	}

	@Test
	void aFailedTokenIsNeverRemembered() {
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.tokens.decode("bad"));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.tokens.decode("bad"));
		assertThat(this.verified).hasValue(2);
	}

}
