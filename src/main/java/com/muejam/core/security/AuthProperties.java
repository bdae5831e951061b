package com.muejam.core.security;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Authentication settings. With {@code clerk.jwks-uri} set, tokens are Clerk session
 * tokens; otherwise the local issuer signs and verifies tokens with a key kept in the
 * data folder.
 *
 * @param clerk the Clerk settings (production)
 * @param local the local issuer's settings (the default)
 * @param devTokens whether {@code POST /v1/dev/tokens} exists
 * @param clockSkew tolerance for {@code exp} and {@code nbf}
 * @param signInMemory how long each instance remembers what sign-in read about a
 * returning user
 */
@ConfigurationProperties("muejam.auth")
public record AuthProperties(@DefaultValue Clerk clerk, @DefaultValue Local local, @DefaultValue DevTokens devTokens,
		@DefaultValue("5s") Duration clockSkew, @DefaultValue SignInMemorySettings signInMemory) {

	public boolean clerkConfigured() {
		return StringUtils.hasText(this.clerk.jwksUri());
	}

	/**
	 * @param jwksUri Clerk's JWKS endpoint, e.g.
	 * {@code https://<app>.clerk.accounts.dev/.well-known/jwks.json}
	 * @param issuer the {@code iss} Clerk puts in session tokens (the Frontend API URL)
	 * @param authorizedParties the frontend origins accepted in {@code azp}
	 * @param webhookSecret the Svix signing secret of the Clerk webhook endpoint
	 * ({@code whsec_...})
	 */
	public record Clerk(@Nullable String jwksUri, @Nullable String issuer, @DefaultValue List<String> authorizedParties,
			@Nullable String webhookSecret) {
	}

	/**
	 * @param issuer the {@code iss} of locally minted tokens
	 * @param tokenTtl how long a minted token is valid
	 */
	public record Local(@DefaultValue("muejam-local") String issuer, @DefaultValue("1h") Duration tokenTtl) {
	}

	/**
	 * @param enabled whether the local token minting endpoint exists
	 */
	public record DevTokens(@DefaultValue("true") boolean enabled) {
	}

	/**
	 * What a signed-in request knows about its caller (profile state, preferences, who is
	 * hidden) is remembered by each instance for {@code ttl}, so that a returning user's
	 * requests run no statement for it. Every change is forgotten on every instance once
	 * it commits (through Redis when configured); the time-to-live bounds how long an
	 * instance that missed that message can act on the old state.
	 *
	 * @param ttl how long a sign-in is remembered; {@code 0} reads it on every request
	 * @param maxEntries how many users each instance remembers at most
	 */
	public record SignInMemorySettings(@DefaultValue("10s") Duration ttl, @DefaultValue("10000") long maxEntries) {
	}

}
