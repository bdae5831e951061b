package com.muejam.core.openapi;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import com.muejam.core.error.ErrorResponse;

import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documents the error envelope on every operation, with the statuses each kind of
 * operation can answer and the headers that come with them.
 */
class ErrorResponses implements OpenApiCustomizer {

	private static final String ERROR_REF = "#/components/schemas/ErrorResponse";

	@Override
	public void customise(OpenAPI openApi) {
		ModelConverters.getInstance()
			.readAll(ErrorResponse.class)
			.forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
		openApi.getPaths()
			.forEach((path, item) -> item.readOperationsMap()
				.forEach((method, operation) -> addErrors(operation, method, refersToResources(path, operation))));
	}

	/**
	 * Whether the operation names other resources, which may not exist (or be hidden): in
	 * its path, its body or an {@code _id} query parameter.
	 */
	private static boolean refersToResources(String path, Operation operation) {
		return path.contains("{") || operation.getRequestBody() != null || (operation.getParameters() != null
				&& operation.getParameters().stream().anyMatch((parameter) -> parameter.getName().endsWith("_id")));
	}

	private static void addErrors(Operation operation, PathItem.HttpMethod method, boolean refersToResources) {
		ApiResponses responses = operation.getResponses();
		boolean isPublic = operation.getSecurity() != null && operation.getSecurity().isEmpty();
		error(responses, "400", "Invalid input: `VALIDATION_FAILED` (details name each bad field) or `INVALID_CURSOR`");
		error(responses, "401", isPublic ? "An invalid or expired bearer token was sent: `UNAUTHENTICATED`"
				: "Missing, invalid or expired bearer token: `UNAUTHENTICATED`");
		if (!isPublic) {
			error(responses, "403", "Not allowed: `FORBIDDEN`");
		}
		if (refersToResources) {
			error(responses, "404", "No such resource, or hidden from the caller: `NOT_FOUND`");
		}
		if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
			error(responses, "409",
					"Conflicts with the current state: `CONFLICT`, `HANDLE_TAKEN`, `QUOTA_EXCEEDED` (a per-user limit reached) or `IDEMPOTENCY_KEY_IN_USE` (a request with the same `Idempotency-Key` is still running)");
		}
		if (operation.getRequestBody() != null) {
			error(responses, "413", "The body is larger than allowed: `PAYLOAD_TOO_LARGE`");
			error(responses, "415", "The body is not of a supported media type: `UNSUPPORTED_MEDIA_TYPE`");
		}
		error(responses, "429", "Rate limit exceeded: `RATE_LIMITED`")
			.addHeaderObject("Retry-After", header("Seconds until a request may succeed", new IntegerSchema()))
			.addHeaderObject("RateLimit",
					header("The remaining quota (IETF RateLimit header fields)", new StringSchema()))
			.addHeaderObject("RateLimit-Policy", header("The quota policy", new StringSchema()));
		error(responses, "500", "Unexpected error: `INTERNAL` (no internals in the body)");
		error(responses, "503", "A dependency (the database) is unavailable: `SERVICE_UNAVAILABLE`; retry later")
			.addHeaderObject("Retry-After", header("Seconds to wait before retrying", new IntegerSchema()));
	}

	private static Header header(String description, Schema<?> schema) {
		return new Header().description(description).schema(schema);
	}

	private static ApiResponse error(ApiResponses responses, String status, String description) {
		ApiResponse existing = responses.get(status);
		if (existing != null) {
			return existing;
		}
		Schema<?> schema = new Schema<>().$ref(ERROR_REF);
		ApiResponse response = new ApiResponse().description(description)
			.content(new Content().addMediaType("application/json", new MediaType().schema(schema)));
		responses.addApiResponse(status, response);
		return response;
	}

}
