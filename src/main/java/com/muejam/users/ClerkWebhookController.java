package com.muejam.users;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Webhooks", description = "Events from the identity provider (Clerk), signed with Svix")
@RestController
class ClerkWebhookController {

	private final ClerkWebhookService webhooks;

	ClerkWebhookController(ClerkWebhookService webhooks) {
		this.webhooks = webhooks;
	}

	@Operation(summary = "Clerk user events", description = """
			Receives Clerk's `user.created`, `user.updated` and `user.deleted` events, signed by \
			Svix. A delivery with a bad or stale (over 5 minutes) signature is 401; a repeated \
			`svix-id` is acknowledged without a second effect.""")
	@SecurityRequirements
	@PostMapping(path = "/v1/webhooks/clerk", consumes = "application/json")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void receiveClerkWebhook(@RequestBody String payload,
			@Parameter(description = "Svix message id") @RequestHeader(name = "svix-id", required = false) String id,
			@Parameter(description = "Unix seconds") @RequestHeader(name = "svix-timestamp",
					required = false) String timestamp,
			@Parameter(description = "v1,<base64 HMAC>") @RequestHeader(name = "svix-signature",
					required = false) String signature) {
		Map<String, List<String>> headers = new java.util.HashMap<>();
		put(headers, "svix-id", id);
		put(headers, "svix-timestamp", timestamp);
		put(headers, "svix-signature", signature);
		this.webhooks.receive(payload, headers);
	}

	private static void put(Map<String, List<String>> headers, String name, String value) {
		if (value != null) {
			headers.put(name, List.of(value));
		}
	}

}
