package com.muejam.support;

import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Present only in tests: HTTP entry points to {@link DatabaseProbe}.
 */
@Hidden
@RestController
class DatabaseProbeController {

	private final DatabaseProbe probe;

	DatabaseProbeController(DatabaseProbe probe) {
		this.probe = probe;
	}

	@GetMapping("/v1/test/db-sleep")
	Map<String, Object> sleep(@RequestParam double seconds) {
		this.probe.sleep(seconds);
		return Map.of("slept", seconds);
	}

	@PostMapping("/v1/test/conflicting-write")
	Map<String, Object> conflictingWrite() {
		return Map.of("attempts", this.probe.incrementLosingTheFirstRace());
	}

}
