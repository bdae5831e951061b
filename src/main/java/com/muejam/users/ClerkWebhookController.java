package com.muejam.users;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
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

	private static final String CLERK_EVENT = """
			{"type":"user.updated","object":"event","data":{"id":"user_2abc","first_name":"Alice","last_name":"Reads",\
			"primary_email_address_id":"idn_1","email_addresses":[{"id":"idn_1","email_address":"alice@example.com"}]}}""";

	@Operation(summary = "Clerk user events", description = """
			Receives Clerk's `user.created`, `user.updated` and `user.deleted` events, signed by \
			Svix. A delivery with a bad or stale (over 5 minutes) signature is 401; a repeated \
			`svix-id` is acknowledged without a second effect.""")
	@SecurityRequirements
	@PostMapping(path = "/v1/webhooks/clerk", consumes = "application/json")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void receiveClerkWebhook(
			@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "A Clerk event",
					content = @Content(
							schema = @Schema(type = "object", example = CLERK_EVENT))) @RequestBody String payload,
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
