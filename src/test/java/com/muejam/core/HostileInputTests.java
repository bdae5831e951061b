package com.muejam.core;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;
import com.muejam.support.RawHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed input found by generated requests: each is a 4xx in the error envelope with
 * the request id, whichever layer (Tomcat, the firewall, Spring MVC, PostgreSQL) notices
 * it first.
 */
@IntegrationTest
class HostileInputTests {

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@LocalServerPort
	int port;

	private RawHttp raw() {
		return new RawHttp(this.port);
	}

	private Map<String, String> authenticated() {
		return Map.of("Authorization", "Bearer " + this.api.token("user_hostile"));
	}

	private static void assertBadRequestEnvelope(RawHttp.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.isEnvelope()).as(response.toString()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/v1/tags?page_size=%FF%FE", "/v1/stories?tag=%C3%28", "/v1/search/suggest?q=%FF",
			"/v1/stories?cursor=%C3" })
	void invalidUtf8InAQueryValueIsValidationFailure(String target) {
		RawHttp.Response response = raw().get(target, Map.of());
		assertBadRequestEnvelope(response);
		assertThat(response.errorCode()).isEqualTo("VALIDATION_FAILED");
	}

	@ParameterizedTest
	@ValueSource(strings = { "multipart/form-data", "multipart/form-data; boundary=",
			"multipart/form-data; boundary=\"unterminated" })
	void multipartWithABadBoundaryIsAnEnvelope(String contentType) {
		for (String method : List.of("POST", "PUT", "DELETE")) {
			String target = method.equals("POST") ? "/v1/stories" : "/v1/me/preferences";
			RawHttp.Response response = raw().send(method, target,
					Map.of("Authorization", authenticated().get("Authorization"), "Content-Type", contentType),
					"--x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			assertThat(response.status()).as(method + " " + response).isBetween(400, 499);
			assertThat(response.isEnvelope()).as(response.toString()).isTrue();
		}
	}

	@Test
	void headerValueWithC1ControlBytesIsRejectedInTheEnvelope() {
		for (String path : List.of("/v1/tags?page_size=5", "/v1/stories/no-such-story", "/v1/health")) {
			RawHttp.Response response = raw().get(path,
					Map.of("X-Anything", "caf\u0085\u009f", "Origin", "http://localhost:3000"));
			assertBadRequestEnvelope(response);
			assertThat(response.header("Access-Control-Allow-Origin")).as(path).isEqualTo("http://localhost:3000");
		}
	}

	@Test
	void queryValueLongerThanItsLimitIsValidationFailureNamingIt() {
		Api.Reply author = this.api.get("/v1/stories?author=" + "a".repeat(36)).send();
		assertThat(author.status()).as(author.toString()).isEqualTo(400);
		assertThat(author.errorCode()).isEqualTo("VALIDATION_FAILED");
		assertThat(author.json().path("error").path("details").has("author")).isTrue();
		Api.Reply tag = this.api.get("/v1/stories?tag=" + "t".repeat(201) + "&page_size=5").send();
		assertThat(tag.status()).as(tag.toString()).isEqualTo(400);
		assertThat(tag.json().path("error").path("details").has("tag")).isTrue();
	}

	@Test
	void slugLongerThanItsLimitIsValidationFailure() {
		Api.Reply reply = this.api.get("/v1/stories/" + "s".repeat(5000)).send();
		assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
		assertThat(reply.errorCode()).isEqualTo("VALIDATION_FAILED");
		assertThat(reply.json().path("error").path("details").has("id")).isTrue();
	}

	@Test
	void nulInASearchQueryIsValidationFailure() {
		Api.Reply suggest = this.api.get("/v1/search/suggest?q=ab%00c").send();
		assertThat(suggest.status()).as(suggest.toString()).isEqualTo(400);
		assertThat(suggest.json().path("error").path("details").has("q")).isTrue();
		Api.Reply search = this.api.get("/v1/search?q=%00").send();
		assertThat(search.status()).as(search.toString()).isEqualTo(400);
	}

	@Test
	void nulInAJsonStringFieldIsValidationFailure() {
		Api.Reply story = this.api.post("/v1/stories").as("user_hostile").json("{\"title\":\"a\\u0000b\"}").send();
		assertThat(story.status()).as(story.toString()).isEqualTo(400);
		assertThat(story.errorCode()).isEqualTo("VALIDATION_FAILED");
		Api.Reply me = this.api.put("/v1/me").as("user_hostile").json("{\"display_name\":\"x\\u0000\"}").send();
		assertThat(me.status()).as(me.toString()).isEqualTo(400);
		assertThat(me.errorCode()).isEqualTo("VALIDATION_FAILED");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/v1/stories/%00", "/v1/stories/..%2F..%2Fetc", "/v1/stories/%FF", "/v1/%2e%2e/me" })
	void pathTheConnectorRefusesIsAnEnvelope(String target) {
		RawHttp.Response response = raw().get(target, Map.of("Origin", "http://localhost:3000"));
		assertBadRequestEnvelope(response);
		assertThat(response.header("X-Request-Id")).isNotBlank();
		assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
	}

	@Test
	void headersOverTheSizeLimitAreAnEnvelope() {
		Map<String, String> headers = new LinkedHashMap<>();
		// Tomcat stops reading at the header that is too large: the origin comes first
		headers.put("Origin", "http://localhost:3000");
		headers.put("Authorization", "Bearer " + "t".repeat(10_000));
		RawHttp.Response response = raw().get("/v1/health", headers);
		assertThat(response.status()).as(response.toString()).isBetween(400, 431);
		assertThat(response.isEnvelope()).as(response.toString()).isTrue();
		assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
	}

	@Test
	void rejectedHeaderFromAnUnknownOriginIsStillTheEnvelope() {
		RawHttp.Response response = raw().get("/v1/email/unsubscribe?token=x", Map.of("Origin", "caf\u0085"));
		assertBadRequestEnvelope(response);
		assertThat(response.header("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void connectorErrorsDoNotEchoUnknownOrigins() {
		RawHttp.Response response = raw().get("/v1/stories/%00", Map.of("Origin", "https://evil.example"));
		assertBadRequestEnvelope(response);
		assertThat(response.header("Access-Control-Allow-Origin")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/*", "*/*", "application/*+json", "not a media type", "\u0085" })
	void wildcardOrMalformedContentTypeIsUnsupportedMediaType(String contentType) {
		RawHttp.Response response = raw().send("PUT", "/v1/me",
				Map.of("Authorization", authenticated().get("Authorization"), "Content-Type", contentType),
				"{}".getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).as(response.toString()).isEqualTo(415);
		assertThat(response.isEnvelope()).as(response.toString()).isTrue();
	}

	@Test
	void malformedAcceptHeaderIsValidationFailure() {
		RawHttp.Response response = raw().send("TRACE", "/v1/email/unsubscribe", Map.of("Accept", "\u00ff\u00fe"),
				new byte[0]);
		assertBadRequestEnvelope(response);
		assertThat(response.json().path("error").path("details").has("accept")).isTrue();
	}

	@Test
	void traceIsRefusedWithTheEnvelope() {
		for (String path : List.of("/v1/me", "/v1/email/unsubscribe")) {
			RawHttp.Response response = raw().send("TRACE", path, authenticated(), new byte[0]);
			// the firewall refuses the method
			assertBadRequestEnvelope(response);
		}
	}

	@Test
	void requestFromAnOriginNotAllowedIsForbiddenEnvelope() {
		for (String origin : List.of("https://evil.example", "")) {
			RawHttp.Response put = raw().send("PUT", "/v1/me", Map.of("Authorization",
					authenticated().get("Authorization"), "Origin", origin, "Content-Type", "application/json"),
					"{}".getBytes(StandardCharsets.UTF_8));
			RawHttp.Response get = raw().get("/v1/email/unsubscribe?token=x", Map.of("Origin", origin));
			for (RawHttp.Response response : List.of(put, get)) {
				assertThat(response.status()).as(response.toString()).isEqualTo(403);
				assertThat(response.isEnvelope()).as(response.toString()).isTrue();
				assertThat(response.errorCode()).isEqualTo("FORBIDDEN");
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { ">", "- ", "* ", "1. " })
	void deeplyNestedMarkdownIsNeverAServerError(String marker) {
		String story = this.fixtures.publishedStory("user_nesting", "Nesting", List.of());
		String content = marker.repeat(190_000 / marker.length()) + "deep";
		Api.Reply chapter = this.api.post("/v1/stories/" + story + "/chapters")
			.as("user_nesting")
			.json(Map.of("title", "Deep", "content", content))
			.send();
		assertThat(chapter.status()).as(chapter.toString()).isIn(201, 400);
		if (chapter.status() == 400) {
			assertThat(chapter.json().path("error").path("details").has("content")).as(chapter.toString()).isTrue();
		}
	}

	@Test
	void deeplyNestedEmphasisAndLinksAreNeverAServerError() {
		String story = this.fixtures.publishedStory("user_nesting", "Emphasis", List.of());
		for (String content : List.of("*_".repeat(45_000) + "x" + "_*".repeat(45_000),
				"[".repeat(90_000) + "x" + "](u)".repeat(25_000), "> - ".repeat(45_000) + "x",
				"**".repeat(90_000) + "x")) {
			Api.Reply chapter = this.api.post("/v1/stories/" + story + "/chapters")
				.as("user_nesting")
				.json(Map.of("title", "Deep", "content", content))
				.send();
			assertThat(chapter.status()).as(chapter.toString()).isIn(201, 400);
		}
		assertThat(this.api.get("/v1/health").send().status()).isEqualTo(200);
	}

}
