package com.muejam.support;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Present only in tests: an endpoint that fails unexpectedly, to show what clients see
 * then.
 */
@Hidden
@RestController
class FailingController {

	@GetMapping("/v1/test/explode")
	String explode() {
		throw new IllegalStateException("secret detail: select * from user_profiles");
	}

}
