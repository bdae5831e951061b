package com.muejam.core;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.muejam.support.Api;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every client relies on: health, metrics, the OpenAPI document, CORS and the
 * per-request rate limit.
 */
@IntegrationTest
class ApiSurfaceTests {

	@Autowired
	Api api;

	@Test
	void healthIsUpWithoutToken() {
		Api.Reply reply = this.api.get("/v1/health").send();
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("status").asString()).isEqualTo("UP");
		assertThat(this.api.get("/actuator/health/readiness").send().status()).isEqualTo(200);
	}

	@Test
	void exposesPrometheusMetrics() {
		Api.Reply reply = this.api.get("/actuator/prometheus").send();
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text()).contains("http_server_requests");
	}

	@Test
	void openApiDocumentsBearerAuthSnakeCaseAndErrorsEverywhere() {
		this.api.get("/v1/health").send();
		JsonNode doc = this.api.get("/v3/api-docs").send().json();
		assertThat(doc.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
			.isEqualTo("bearer");
		JsonNode schemas = doc.path("components").path("schemas");
		assertThat(schemas.path("ErrorResponse").path("properties").has("request_id")).isTrue();
		assertThat(schemas.path("Me").path("properties").has("display_name")).isTrue();
		assertThat(schemas.path("UpdateProfile").path("properties").has("avatar_key")).isTrue();
		List<String> missing = new ArrayList<>();
		doc.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			JsonNode responses = operation.getValue().path("responses");
			for (String status : new String[] { "400", "500" }) {
				String ref = responses.path(status)
					.path("content")
					.path("application/json")
					.path("schema")
					.path("$ref")
					.asString();
				if (!ref.endsWith("/ErrorResponse")) {
					missing.add(operation.getKey() + " " + path.getKey() + " " + status);
				}
			}
		}));
		assertThat(missing).isEmpty();
		assertThat(doc.path("paths").path("/v1/me").path("get").path("responses").has("401")).isTrue();
	}

	@Test
	void swaggerUiIsServed() {
		Api.Reply reply = this.api.get("/swagger-ui/index.html").send();
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text()).contains("Swagger UI");
	}

	@Test
	void corsAllowsTheConfiguredFrontendOnly() {
		Api.Reply allowed = this.api.method("OPTIONS", "/v1/me")
			.header("Origin", "http://localhost:3000")
			.header("Access-Control-Request-Method", "PUT")
			.header("Access-Control-Request-Headers", "authorization,content-type")
			.send();
		assertThat(allowed.status()).isEqualTo(200);
		assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
		Api.Reply refused = this.api.method("OPTIONS", "/v1/me")
			.header("Origin", "https://evil.example")
			.header("Access-Control-Request-Method", "PUT")
			.send();
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void errorsAnsweredBeforeTheCorsFilterStillLetTheFrontendReadThem() {
		Api.Reply tooLarge = this.api.post("/v1/whispers")
			.as("user_cors")
			.header("Origin", "http://localhost:3000")
			.json("{\"content\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}")
			.send();
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
		assertThat(tooLarge.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
		assertThat(tooLarge.header("Access-Control-Expose-Headers")).contains("X-Request-Id", "Retry-After");
		Api.Reply foreign = this.api.post("/v1/whispers")
			.as("user_cors")
			.header("Origin", "https://evil.example")
			.json("{\"content\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}")
			.send();
		assertThat(foreign.status()).isEqualTo(413);
		assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void anonymousRequestsAreLimitedPerClientAddress() {
		String client = "203.0.113." + (int) (Math.random() * 200 + 1);
		Api.Reply first = this.api.get("/v1/health").header("X-Forwarded-For", client).send();
		assertThat(first.header("RateLimit-Policy")).isEqualTo("\"requests-anonymous\";q=300;w=60");
		int allowed = 1;
		Api.Reply limited = null;
		// the bucket refills evenly (5 per second), so a few more than 300 may pass while
		// looping
		while (allowed < 400) {
			Api.Reply reply = this.api.get("/v1/health").header("X-Forwarded-For", client).send();
			if (reply.status() == 429) {
				limited = reply;
				break;
			}
			allowed++;
		}
		assertThat(allowed).isBetween(300, 360);
		assertThat(limited).isNotNull();
		assertThat(limited.errorCode()).isEqualTo("RATE_LIMITED");
		assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
		assertThat(this.api.get("/v1/health").header("X-Forwarded-For", "198.51.100.9").send().status()).isEqualTo(200);
	}

}
