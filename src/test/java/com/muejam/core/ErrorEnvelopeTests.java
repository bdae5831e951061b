package com.muejam.core;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.muejam.support.Api;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error, from every layer, has the error envelope, the right status and the request
 * id.
 */
@IntegrationTest
class ErrorEnvelopeTests {

	@Autowired
	Api api;

	@Test
	void unknownPathIsNotFoundEnvelope() {
		Api.Reply reply = this.api.get("/v1/no-such-thing").as("user_errors").send();
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(reply.json().path("request_id").asString()).isEqualTo(reply.header("X-Request-Id"));
	}

	@Test
	void wrongMethodIsMethodNotAllowedEnvelope() {
		Api.Reply reply = this.api.delete("/v1/me/preferences").as("user_errors").send();
		assertThat(reply.status()).isEqualTo(405);
		assertThat(reply.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
		assertThat(reply.header("Allow")).contains("GET").contains("PUT");
	}

	@Test
	void wrongContentTypeIsUnsupportedMediaTypeEnvelope() {
		Api.Reply reply = this.api.put("/v1/me").as("user_errors").raw("text/plain", "hello").send();
		assertThat(reply.status()).isEqualTo(415);
		assertThat(reply.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void malformedJsonIsValidationFailure() {
		Api.Reply reply = this.api.put("/v1/me").as("user_errors").json("{\"handle\":").send();
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.errorCode()).isEqualTo("VALIDATION_FAILED");
		assertThat(reply.json().path("error").path("details").path("body").asString()).isEqualTo("is not valid JSON");
	}

	@Test
	void valueOfTheWrongJsonTypeNamesTheField() {
		Api.Reply reply = this.api.put("/v1/me").as("user_errors").json(Map.of("display_name", 42)).send();
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().path("error").path("details").has("display_name")).isTrue();
	}

	@Test
	void missingBodyIsValidationFailure() {
		Api.Reply reply = this.api.put("/v1/me").as("user_errors").header("Content-Type", "application/json").send();
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().path("error").path("details").path("body").asString()).isEqualTo("is required");
	}

	@Test
	void declaredOversizedBodyIsRefusedWith413() {
		String big = "{\"bio\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
		Api.Reply reply = this.api.put("/v1/me").as("user_errors").json(big).send();
		assertThat(reply.status()).isEqualTo(413);
		assertThat(reply.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
	}

	@Test
	void chunkedOversizedBodyIsRefusedWith413() {
		String big = "{\"bio\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
		Api.Reply reply = this.api.put("/v1/me")
			.as("user_errors")
			.chunked("application/json", big.getBytes(StandardCharsets.UTF_8))
			.send();
		assertThat(reply.status()).isEqualTo(413);
		assertThat(reply.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
	}

	@Test
	void oversizedFormEncodedBodyIsRefusedWith413BeforeItIsParsed() {
		String big = "bio=" + "x".repeat(3 * 1024 * 1024);
		Api.Reply declared = this.api.put("/v1/me")
			.as("user_errors")
			.raw("application/x-www-form-urlencoded", big)
			.send();
		assertThat(declared.status()).isEqualTo(413);
		assertThat(declared.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
		Api.Reply chunked = this.api.put("/v1/me")
			.as("user_errors")
			.chunked("application/x-www-form-urlencoded", big.getBytes(StandardCharsets.UTF_8))
			.send();
		assertThat(chunked.status()).isEqualTo(413);
		assertThat(chunked.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
		assertThat(chunked.json().path("request_id").asString()).isEqualTo(chunked.header("X-Request-Id"));
	}

	@Test
	void missingTokenIsUnauthenticatedWithChallenge() {
		Api.Reply reply = this.api.get("/v1/me").send();
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
	}

	@Test
	void garbageTokenIsUnauthenticatedWithInvalidTokenChallenge() {
		Api.Reply reply = this.api.get("/v1/me").bearer("not-a-jwt").send();
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(reply.header("WWW-Authenticate")).contains("invalid_token");
	}

	@Test
	void aMalformedBearerHeaderIsUnauthenticatedEvenOnAPublicRead() {
		for (String header : new String[] { "Bearer two words", "bearer", "Bearer =abc", "Bearer\tabc" }) {
			Api.Reply reply = this.api.get("/v1/stories").header("Authorization", header).send();
			assertThat(reply.status()).as(header).isEqualTo(401);
			assertThat(reply.errorCode()).as(header).isEqualTo("UNAUTHENTICATED");
			assertThat(reply.header("WWW-Authenticate")).as(header).contains("invalid_token");
		}
		Api.Reply basic = this.api.get("/v1/stories").header("Authorization", "Basic dXNlcjpwYXNz").send();
		assertThat(basic.status()).isEqualTo(200);
	}

	@Test
	void unexpectedFailureIsInternalWithoutInternals() {
		Api.Reply reply = this.api.get("/v1/test/explode").as("user_errors").send();
		assertThat(reply.status()).isEqualTo(500);
		assertThat(reply.errorCode()).isEqualTo("INTERNAL");
		assertThat(reply.text()).doesNotContain("IllegalStateException")
			.doesNotContain("secret detail")
			.doesNotContain("at com.muejam");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void logLinesOfARequestCarryItsId(CapturedOutput output) {
		this.api.get("/v1/test/explode").as("user_errors").header("X-Request-Id", "log-trace-42").send();
		assertThat(
				output.getOut().lines().filter((line) -> line.contains("Unhandled error serving GET /v1/test/explode")))
			.singleElement()
			.asString()
			.contains("[log-trace-42]");
	}

	@Test
	void callersRequestIdIsEchoed() {
		Api.Reply reply = this.api.get("/v1/no-such-thing")
			.as("user_errors")
			.header("X-Request-Id", "trace-abc.123")
			.send();
		assertThat(reply.header("X-Request-Id")).isEqualTo("trace-abc.123");
		assertThat(reply.json().path("request_id").asString()).isEqualTo("trace-abc.123");
	}

	@Test
	void unsafeRequestIdIsReplaced() {
		Api.Reply reply = this.api.get("/v1/health").header("X-Request-Id", "bad id\"with<stuff>").send();
		assertThat(reply.header("X-Request-Id")).matches("[0-9a-f-]{36}");
	}

}
