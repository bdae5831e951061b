package com.muejam.core.error;

import java.util.Map;

/**
 * A failure that the API reports to the client with a code, a message and optional
 * details. Feature modules throw it (or one of its subclasses) from services; the web
 * layer maps it to the error envelope.
 */
public class ApiException extends RuntimeException {

	private final ErrorCode code;

	private final Map<String, Object> details;

	public ApiException(ErrorCode code, String message) {
		this(code, message, Map.of());
	}

	public ApiException(ErrorCode code, String message, Map<String, ?> details) {
		super(message);
		this.code = code;
		this.details = Map.copyOf(details);
	}

	public ErrorCode code() {
		return this.code;
	}

	public Map<String, Object> details() {
		return this.details;
	}

	public static ApiException notFound(String what) {
		return new ApiException(ErrorCode.NOT_FOUND, what + " not found");
	}

	public static ApiException forbidden(String message) {
		return new ApiException(ErrorCode.FORBIDDEN, message);
	}

	public static ApiException conflict(String message) {
		return new ApiException(ErrorCode.CONFLICT, message);
	}

	/**
	 * A 400 naming one bad field.
	 * @param field the request field, as the client spells it
	 * @param problem what is wrong with it
	 * @return the exception
	 */
	public static ApiException invalidField(String field, String problem) {
		return new ApiException(ErrorCode.VALIDATION_FAILED, "Request validation failed", Map.of(field, problem));
	}

}
