package com.muejam.core.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * Documents the {@code Idempotency-Key} request header of creating operations and what
 * comes with it: the {@code Idempotent-Replayed} response header and the 422 for a key
 * reused with another request.
 */
final class IdempotencyKeyDocs {

	static final String HEADER = "Idempotency-Key";

	static final String REPLAYED = "Idempotent-Replayed";

	private IdempotencyKeyDocs() {
	}

	static void document(Operation operation) {
		boolean present = operation.getParameters() != null
				&& operation.getParameters().stream().anyMatch((parameter) -> HEADER.equals(parameter.getName()));
		if (!present) {
			operation.addParametersItem(new HeaderParameter().name(HEADER)
				.required(false)
				.description("Makes a retry safe: the same key from the same user within 24 hours answers the "
						+ "first response again (with `Idempotent-Replayed: true`) instead of creating twice. "
						+ "1-255 printable ASCII characters, for example a UUID.")
				.schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x20-\\x7E]+$")));
		}
		if (operation.getResponses() != null && !operation.getResponses().containsKey("422")) {
			operation.getResponses()
				.addApiResponse("422", new ApiResponse()
					.description(
							"The `Idempotency-Key` was used before for a different request: `IDEMPOTENCY_KEY_REUSED`")
					.content(new Content().addMediaType("application/json",
							new MediaType().schema(new Schema<>().$ref("#/components/schemas/ErrorResponse")))));
		}
	}

	static Header replayedHeader() {
		return new Header().description("`true` when this is the stored first response to an `Idempotency-Key`")
			.schema(new StringSchema()._enum(java.util.List.of("true")));
	}

}
