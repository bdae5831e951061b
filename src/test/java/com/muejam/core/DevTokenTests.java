package com.muejam.core;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import com.muejam.support.Api;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local issuer: a newcomer mints a token and calls {@code /v1/me} with it.
 */
@IntegrationTest
class DevTokenTests {

	@Autowired
	Api api;

	@Test
	void mintedTokenAuthenticatesAndCreatesTheProfile() throws ParseException {
		Api.Reply minted = this.api.post("/v1/dev/tokens")
			.json(Map.of("user_id", "user_newcomer", "email", "newcomer@example.com", "roles",
					new String[] { "moderator" }))
			.send();
		assertThat(minted.status()).isEqualTo(200);
		Instant expiresAt = Instant.parse(minted.json().path("expires_at").asString());
		assertThat(Duration.between(Instant.now(), expiresAt)).isBetween(Duration.ofMinutes(59),
				Duration.ofMinutes(61));
		Api.Reply me = this.api.get("/v1/me").bearer(minted.json().path("token").asString()).send();
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().path("email").asString()).isEqualTo("newcomer@example.com");
		assertThat(me.json().path("roles").get(0).asString()).isEqualTo("moderator");
		// the role travels where Clerk puts it, in a claim users cannot write
		JWTClaimsSet claims = SignedJWT.parse(minted.json().path("token").asString()).getJWTClaimsSet();
		assertThat(claims.getJSONObjectClaim("public_metadata")).containsEntry("role", "moderator");
		assertThat(claims.getClaims()).doesNotContainKeys("roles", "role");
	}

	@Test
	void rejectsInvalidMintRequestsWithFieldDetails() {
		Api.Reply reply = this.api.post("/v1/dev/tokens")
			.json(Map.of("user_id", "not valid!", "email", "nope", "roles", new String[] { "admin" }))
			.send();
		assertThat(reply.status()).isEqualTo(400);
		var details = reply.json().path("error").path("details");
		assertThat(details.has("user_id")).isTrue();
		assertThat(details.has("email")).isTrue();
		assertThat(details.propertyNames()).anyMatch((name) -> name.startsWith("roles"));
	}

	@Test
	void tamperedLocalTokenIsRejected() {
		String token = this.api.token("user_tamper");
		String[] parts = token.split("\\.");
		String forged = parts[0] + "."
				+ java.util.Base64.getUrlEncoder()
					.withoutPadding()
					.encodeToString("{\"sub\":\"user_admin\",\"iss\":\"muejam-local\",\"exp\":9999999999}".getBytes())
				+ "." + parts[2];
		Api.Reply reply = this.api.get("/v1/me").bearer(forged).send();
		assertThat(reply.status()).isEqualTo(401);
	}

}
