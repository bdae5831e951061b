package com.muejam.core.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.jspecify.annotations.Nullable;

import com.muejam.core.config.DataDirectory;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The local token issuer: an RSA key generated once and kept in the data folder
 * ({@code local-issuer-jwk.json}), so tokens survive restarts and instances sharing the
 * folder accept each other's tokens. Used only when Clerk is not configured.
 */
public class LocalIssuer {

	static final String KEY_FILE = "local-issuer-jwk.json";

	private final RSAKey key;

	private final NimbusJwtEncoder encoder;

	private final AuthProperties.Local settings;

	private final Clock clock;

	LocalIssuer(DataDirectory data, AuthProperties.Local settings, Clock clock) {
		this.key = parse(data.secret(KEY_FILE, LocalIssuer::generateKey));
		this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(this.key)));
		this.settings = settings;
		this.clock = clock;
	}

	public String issuer() {
		return this.settings.issuer();
	}

	RSAKey publicKey() {
		return this.key.toPublicJWK();
	}

	/**
	 * Mints a signed session token like the ones Clerk issues.
	 * @param subject the user id ({@code sub})
	 * @param email the email claim, or {@code null}
	 * @param roles the roles, minted into {@code public_metadata.role}
	 * @return the token and its expiry
	 */
	public MintedToken mint(String subject, @Nullable String email, Set<String> roles) {
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.settings.tokenTtl());
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(this.settings.issuer())
			.subject(subject)
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(expiresAt)
			.id(UUID.randomUUID().toString());
		if (!roles.isEmpty()) {
			// where Clerk carries it (see TokenClaims): one role as a string, several as
			// a list
			claims.claim(TokenClaims.PUBLIC_METADATA,
					Map.of(TokenClaims.ROLE, (roles.size() == 1) ? roles.iterator().next() : List.copyOf(roles)));
		}
		if (email != null) {
			claims.claim("email", email);
		}
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(this.key.getKeyID()).build();
		String token = this.encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
		return new MintedToken(token, expiresAt);
	}

	/**
	 * @param token the signed JWT
	 * @param expiresAt when it stops being accepted
	 */
	public record MintedToken(String token, Instant expiresAt) {
	}

	private static String generateKey() {
		try {
			return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
				.keyID(UUID.randomUUID().toString())
				.generate()
				.toJSONString();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate the local issuer key", ex);
		}
	}

	private static RSAKey parse(String json) {
		try {
			return RSAKey.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("The local issuer key file " + KEY_FILE + " is corrupt", ex);
		}
	}

}
