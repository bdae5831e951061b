package com.muejam.core.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens that passed verification until they expire, so that a client
 * sending the same bearer token on every request pays for the RS256 signature check once,
 * not per request (it was a tenth of the CPU of a signed-in request). The key is the
 * whole token, signature included: only the identical token is answered from memory. A
 * failed token is never remembered, and a remembered one is checked against the clock on
 * every use, so it is never accepted past its {@code exp}.
 */
class VerifiedTokens implements JwtDecoder {

	private final JwtDecoder verifier;

	private final Clock clock;

	private final Cache<String, Jwt> verified;

	VerifiedTokens(JwtDecoder verifier, Clock clock, long maximumSize) {
		this.verifier = verifier;
		this.clock = clock;
		// each token is let go when it expires (Clerk's session tokens live a minute), on
		// the application's clock
		this.verified = Caffeine.newBuilder().maximumSize(maximumSize).ticker(() -> {
			Instant at = clock.instant();
			return at.getEpochSecond() * 1_000_000_000L + at.getNano();
		}).expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> timeLeft(jwt, clock.instant()))).build();
	}

	/**
	 * How many verified tokens are remembered now (expired ones are let go first).
	 * @return the count
	 */
	long remembered() {
		this.verified.cleanUp();
		return this.verified.estimatedSize();
	}

	private static Duration timeLeft(Jwt jwt, Instant now) {
		Instant expiresAt = jwt.getExpiresAt();
		return (expiresAt != null && now.isBefore(expiresAt)) ? Duration.between(now, expiresAt) : Duration.ZERO;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt known = this.verified.getIfPresent(token);
		Instant now = this.clock.instant();
		if (known != null && isValidAt(known, now)) {
			return known;
		}
		Jwt jwt = this.verifier.decode(token);
		if (isValidAt(jwt, now)) {
			this.verified.put(token, jwt);
		}
		return jwt;
	}

	private static boolean isValidAt(Jwt jwt, Instant now) {
		Instant expiresAt = jwt.getExpiresAt();
		Instant notBefore = jwt.getNotBefore();
		return expiresAt != null && now.isBefore(expiresAt) && (notBefore == null || !now.isBefore(notBefore));
	}

}
