package com.muejam.deploy;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators see of a single instance on its local defaults: health groups for the
 * orchestrator's probes and Prometheus metrics.
 */
@IntegrationTest
class ObservabilityTests {

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	io.micrometer.observation.ObservationRegistry observations;

	@Test
	void probesAnswerOnTheirHealthGroups() {
		Api.Reply health = this.api.get("/actuator/health").send();
		assertThat(health.status()).isEqualTo(200);
		// without Redis configured there is no Redis component
		assertThat(health.json().path("components").has("db")).isTrue();
		assertThat(health.json().path("components").has("redis")).isFalse();
		assertThat(this.api.get("/actuator/health/liveness").send().json().path("status").asString()).isEqualTo("UP");
		Api.Reply readiness = this.api.get("/actuator/health/readiness").send();
		assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
		assertThat(readiness.json().path("components").has("db")).isTrue();
	}

	@Test
	void prometheusShowsLatencyHistogramsCacheHitsSignInsAndTheOutboxBacklog() {
		String id = this.fixtures.publishedStory("user_metrics", "Measured", List.of());
		String slug = this.api.get("/v1/me/stories")
			.as("user_metrics")
			.send()
			.json()
			.path("data")
			.get(0)
			.path("slug")
			.asString();
		assertThat(id).isNotBlank();
		this.api.get("/v1/stories/" + slug).send();
		this.api.get("/v1/stories/" + slug).send();
		String metrics = this.api.get("/actuator/prometheus").send().text();
		assertThat(metrics).contains("http_server_requests_seconds_bucket{")
			.containsPattern("http_server_requests_seconds_count\\{.*uri=\"/v1/stories/\\{id\\}\"")
			.containsPattern("cache_gets_total\\{cache=\"stories\".*result=\"hit\"")
			// the fixture's publishing signed in once, and was remembered after that
			.containsPattern("muejam_sign_ins_total\\{.*result=\"read\".*\\} [1-9]")
			.containsPattern("muejam_sign_ins_total\\{.*result=\"remembered\".*\\} [1-9]")
			.contains("muejam_email_outbox_backlog 0.0");
	}

	@Test
	void requestsAreObservedOnceNotOncePerSecurityFilter() {
		this.api.get("/v1/stories").as("user_metrics").send();
		String metrics = this.api.get("/actuator/prometheus").send().text();
		// Spring Security's observations time every filter of the chain, the
		// authentication and the authorization of every request: a sixth of a cached
		// read's CPU, for figures http_server_requests already gives
		assertThat(metrics).contains("http_server_requests_seconds_count{").doesNotContain("spring_security_");
	}

	@Test
	void requestsInFlightAreCountedOnceByTheConcurrencyLimitNotTimedAgain() {
		this.api.get("/v1/stories").send();
		String metrics = this.api.get("/actuator/prometheus").send().text();
		// a long task timer per request (http_server_requests_active) cost a few percent
		// of
		// a cached read's CPU for what the bulkhead's gauge already shows
		assertThat(metrics).contains("resilience4j_bulkhead_available_concurrent_calls")
			.doesNotContain("http_server_requests_active");
	}

	@Test
	void aSignedInRequestPassesTheSecurityFiltersUnwrapped() {
		Api.Reply stack = this.api.get("/v1/test/call-stack").as("user_metrics").send();
		assertThat(stack.status()).isEqualTo(200);
		// nor does the chain wrap each of its filters in an observation that is then
		// dropped (management.observations.enable.spring.security stops only the
		// recording): a twentieth of a signed-in page's CPU
		assertThat(stack.json().valueStream().map(JsonNode::asString).toList())
			.contains(FilterChainProxy.class.getName())
			.noneMatch((type) -> type.startsWith(ObservationFilterChainDecorator.class.getName()));
	}

}
