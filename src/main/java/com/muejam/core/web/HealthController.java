package com.muejam.core.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/health}: whether this instance can serve requests (its database
 * included), for clients and load balancers. Details stay on the Actuator endpoints.
 */
@Tag(name = "Health", description = "Whether the service and its database answer")
@RestController
class HealthController {

	private final HealthEndpoint health;

	HealthController(HealthEndpoint health) {
		this.health = health;
	}

	@Operation(summary = "Service health",
			description = "200 `UP` when the service and its database work, 503 otherwise.")
	@SecurityRequirements
	@GetMapping("/v1/health")
	ResponseEntity<Health> getHealth() {
		String status = this.health.health().getStatus().getCode();
		Health body = new Health(status);
		return "UP".equals(status) ? ResponseEntity.ok(body) : ResponseEntity.status(503).body(body);
	}

	/**
	 * @param status {@code UP} or {@code DOWN}
	 */
	record Health(String status) {
	}

}
