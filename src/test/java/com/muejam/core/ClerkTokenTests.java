package com.muejam.core;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.muejam.support.Api;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production authentication: Clerk session tokens verified against a JWKS endpoint (a
 * local stand-in serving the test's own keys), with real signed tokens for every way a
 * token can be wrong.
 */
@IntegrationTest
class ClerkTokenTests {

	static final String ISSUER = "https://clerk.muejam.test";

	static final String FRONTEND = "https://app.muejam.test";

	static final RSAKey CLERK_KEY = generate("clerk-key-1");

	static final RSAKey IMPOSTOR_WITH_SAME_KID = generate("clerk-key-1");

	static final RSAKey UNKNOWN_KEY = generate("clerk-key-unknown");

	static final HttpServer JWKS = startJwks();

	@Autowired
	Api api;

	@DynamicPropertySource
	static void clerk(DynamicPropertyRegistry registry) {
		registry.add("muejam.auth.clerk.jwks-uri",
				() -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/.well-known/jwks.json");
		registry.add("muejam.auth.clerk.issuer", () -> ISSUER);
		registry.add("muejam.auth.clerk.authorized-parties", () -> FRONTEND + ",https://admin.muejam.test");
	}

	@AfterAll
	static void stopJwks() {
		JWKS.stop(0);
	}

	@Test
	void acceptsValidClerkToken() {
		Api.Reply reply = me(sign(CLERK_KEY, claims((c) -> {
		})));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("email").asString()).isEqualTo("reader@example.com");
	}

	@Test
	void readsRoleFromClerkPublicMetadata() {
		Api.Reply reply = me(sign(CLERK_KEY,
				claims((c) -> c.subject("user_clerk_mod").claim("public_metadata", Map.of("role", "moderator")))));
		assertThat(reply.json().path("roles").get(0).asString()).isEqualTo("moderator");
	}

	@Test
	void ignoresRoleInMetadataTheUserCanWrite() {
		for (String claim : new String[] { "unsafe_metadata", "metadata" }) {
			Api.Reply reply = me(sign(CLERK_KEY,
					claims((c) -> c.subject("user_clerk_" + claim).claim(claim, Map.of("role", "moderator")))));
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.json().path("roles").isEmpty()).as(claim).isTrue();
		}
	}

	@Test
	void ignoresTopLevelRoleClaims() {
		Api.Reply reply = me(sign(CLERK_KEY,
				claims((c) -> c.subject("user_clerk_top_level")
					.claim("roles", List.of("moderator"))
					.claim("role", "moderator"))));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("roles").isEmpty()).isTrue();
	}

	@Test
	void rejectsBadSignature() {
		assertRejected(me(sign(IMPOSTOR_WITH_SAME_KID, claims((c) -> {
		}))));
	}

	@Test
	void rejectsUnsignedAlgNoneToken() {
		String unsigned = new PlainJWT(claims((c) -> {
		})).serialize();
		assertRejected(me(unsigned));
	}

	@Test
	void rejectsSymmetricAlgorithmConfusion() throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(CLERK_KEY.getKeyID()).build(),
				claims((c) -> {
				}));
		jwt.sign(new MACSigner(CLERK_KEY.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
		assertRejected(me(jwt.serialize()));
	}

	@Test
	void rejectsTokenSignedWithUnknownKey() {
		assertRejected(me(sign(UNKNOWN_KEY, claims((c) -> {
		}))));
	}

	@Test
	void rejectsExpiredToken() {
		assertRejected(me(sign(CLERK_KEY, claims((c) -> c.expirationTime(secondsFromNow(-30))))));
	}

	@Test
	void toleratesFiveSecondsOfClockSkew() {
		Api.Reply reply = me(sign(CLERK_KEY, claims((c) -> c.expirationTime(secondsFromNow(-2)))));
		assertThat(reply.status()).isEqualTo(200);
	}

	@Test
	void rejectsTokenNotYetValid() {
		assertRejected(me(sign(CLERK_KEY, claims((c) -> c.notBeforeTime(secondsFromNow(60))))));
	}

	@Test
	void rejectsTokenWithoutExpiry() {
		assertRejected(me(sign(CLERK_KEY, claims((c) -> c.expirationTime(null)))));
	}

	@Test
	void rejectsWrongIssuer() {
		assertRejected(me(sign(CLERK_KEY, claims((c) -> c.issuer("https://evil.example")))));
	}

	@Test
	void rejectsUnlistedAuthorizedParty() {
		assertRejected(me(sign(CLERK_KEY, claims((c) -> c.claim("azp", "https://phishing.example")))));
	}

	@Test
	void acceptsListedAuthorizedPartyOrNone() {
		assertThat(me(sign(CLERK_KEY, claims((c) -> c.claim("azp", "https://admin.muejam.test")))).status())
			.isEqualTo(200);
		assertThat(me(sign(CLERK_KEY, claims((c) -> c.claim("azp", null)))).status()).isEqualTo(200);
	}

	@Test
	void devTokensDoNotExistWithClerk() {
		Api.Reply reply = this.api.post("/v1/dev/tokens").json(Map.of("user_id", "user_x")).send();
		assertThat(reply.status()).isIn(401, 404);
		assertThat(reply.text()).doesNotContain("token\":\"ey");
	}

	private Api.Reply me(String token) {
		return this.api.get("/v1/me").bearer(token).send();
	}

	private static void assertRejected(Api.Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
		assertThat(reply.errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
	}

	private static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> customizer) {
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject("user_clerk_reader")
			.claim("email", "reader@example.com")
			.claim("azp", FRONTEND)
			.issueTime(secondsFromNow(-10))
			.notBeforeTime(secondsFromNow(-10))
			.expirationTime(secondsFromNow(60));
		customizer.accept(builder);
		return builder.build();
	}

	private static String sign(RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Date secondsFromNow(long seconds) {
		return Date.from(Instant.now().plusSeconds(seconds));
	}

	private static RSAKey generate(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpServer startJwks() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			byte[] body = new JWKSet(List.of(CLERK_KEY.toPublicJWK())).toString().getBytes(StandardCharsets.UTF_8);
			server.createContext("/.well-known/jwks.json", (exchange) -> {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
