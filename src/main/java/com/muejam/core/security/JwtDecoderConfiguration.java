package com.muejam.core.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.nimbusds.jose.JOSEException;

import com.muejam.core.config.DataDirectory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * How bearer tokens are verified: RS256 only, {@code exp} required,
 * {@code exp}/{@code nbf} with the configured clock skew, the expected issuer, and (for
 * Clerk) {@code azp} among the authorized parties when the token carries one. A token
 * that passed is remembered until it expires ({@link VerifiedTokens}).
 */
@Configuration(proxyBeanMethods = false)
class JwtDecoderConfiguration {

	@Bean
	@Conditional(ClerkNotConfigured.class)
	LocalIssuer localIssuer(AuthProperties properties, DataDirectory data, Clock clock) {
		return new LocalIssuer(data, properties.local(), clock);
	}

	/**
	 * How many verified tokens an instance remembers at most (see
	 * {@link VerifiedTokens}), each until it expires: a few kilobytes each, so tens of
	 * megabytes at most.
	 */
	private static final int VERIFIED_TOKENS = 20_000;

	@Bean
	JwtDecoder jwtDecoder(AuthProperties properties, ObjectProvider<LocalIssuer> local, Clock clock)
			throws JOSEException {
		NimbusJwtDecoder decoder;
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtTimestampValidator(properties.clockSkew()));
		validators.add(new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull));
		validators.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, StringUtils::hasText));
		if (properties.clerkConfigured()) {
			AuthProperties.Clerk clerk = properties.clerk();
			decoder = NimbusJwtDecoder.withJwkSetUri(clerk.jwksUri()).jwsAlgorithm(SignatureAlgorithm.RS256).build();
			if (!StringUtils.hasText(clerk.issuer())) {
				throw new IllegalStateException("muejam.auth.clerk.issuer must be set with muejam.auth.clerk.jwks-uri");
			}
			validators.add(new JwtIssuerValidator(clerk.issuer()));
			validators.add(authorizedParty(clerk.authorizedParties()));
		}
		else {
			LocalIssuer issuer = local.getObject();
			decoder = NimbusJwtDecoder.withPublicKey(issuer.publicKey().toRSAPublicKey())
				.signatureAlgorithm(SignatureAlgorithm.RS256)
				.build();
			validators.add(new JwtIssuerValidator(issuer.issuer()));
		}
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
		return new VerifiedTokens(decoder, clock, VERIFIED_TOKENS);
	}

	private static OAuth2TokenValidator<Jwt> authorizedParty(List<String> parties) {
		return (jwt) -> {
			Object azp = jwt.getClaims().get("azp");
			if (azp == null || parties.isEmpty() || parties.contains(azp.toString())) {
				return OAuth2TokenValidatorResult.success();
			}
			return OAuth2TokenValidatorResult
				.failure(new OAuth2Error("invalid_token", "The token's authorized party is not accepted", null));
		};
	}

}
