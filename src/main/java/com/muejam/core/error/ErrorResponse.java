package com.muejam.core.error;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of every error response.
 *
 * @param error what went wrong
 * @param requestId the request's id, also sent as the {@code X-Request-Id} header
 */
@Schema(name = "ErrorResponse", description = "The body of every error response")
public record ErrorResponse(Error error, @JsonProperty("request_id") String requestId) {

	/**
	 * @param code machine-readable code, for example {@code VALIDATION_FAILED}
	 * @param message human-readable message, safe to show
	 * @param details more about the error; for validation failures, one entry per bad
	 * field
	 */
	@Schema(name = "ErrorBody")
	public record Error(@Schema(implementation = ErrorCode.class, example = "VALIDATION_FAILED") String code,
			@Schema(example = "Request validation failed") String message,
			@Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
					example = "{\"handle\":\"must be 3-30 letters, digits or underscores\"}") Map<String, Object> details) {
	}

	public static ErrorResponse of(ErrorCode code, String message, Map<String, Object> details, String requestId) {
		return new ErrorResponse(new Error(code.name(), message, details), requestId);
	}

}
