package com.muejam.core.idempotency;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.swagger.v3.oas.annotations.Hidden;

import com.muejam.core.openapi.Created;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Present only in tests: a creating {@code POST} that fails unexpectedly (500) on its
 * first call and creates on the next, to show that a failure is not replayed.
 */
@Hidden
@RestController
class FlakyCreateController {

	final AtomicInteger calls = new AtomicInteger();

	@Created
	@PostMapping("/v1/test/flaky-create")
	ResponseEntity<Map<String, Integer>> create() {
		int call = this.calls.incrementAndGet();
		if (call == 1) {
			throw new IllegalStateException("the first call fails");
		}
		return ResponseEntity.created(URI.create("/v1/test/flaky-create/" + call)).body(Map.of("call", call));
	}

}
