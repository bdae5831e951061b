package com.muejam.core.error;

import org.springframework.http.HttpStatus;

/**
 * The error codes of the API's error envelope, each with the HTTP status it is sent with.
 */
public enum ErrorCode {

	VALIDATION_FAILED(HttpStatus.BAD_REQUEST),

	INVALID_CURSOR(HttpStatus.BAD_REQUEST),

	UNAUTHENTICATED(HttpStatus.UNAUTHORIZED),

	FORBIDDEN(HttpStatus.FORBIDDEN),

	/**
	 * A chapter of a story rated above the caller's {@code max_rating}: raise it (GET|PUT
	 * /v1/me/preferences) to read on.
	 */
	RATING_GATED(HttpStatus.FORBIDDEN),

	/**
	 * The caller asked for their account to be deleted: until it is purged, only POST
	 * /v1/me/restore answers.
	 */
	ACCOUNT_DEACTIVATED(HttpStatus.FORBIDDEN),

	NOT_FOUND(HttpStatus.NOT_FOUND),

	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),

	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),

	CONFLICT(HttpStatus.CONFLICT),

	HANDLE_TAKEN(HttpStatus.CONFLICT),

	/** A per-user storage quota is reached ({@code com.muejam.core.quota.Quotas}). */
	QUOTA_EXCEEDED(HttpStatus.CONFLICT),

	/** A concurrent request with the same {@code Idempotency-Key} is still running. */
	IDEMPOTENCY_KEY_IN_USE(HttpStatus.CONFLICT),

	/** An {@code Idempotency-Key} was used before for another request. */
	IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT),

	PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),

	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),

	RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),

	INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR),

	SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

	private final HttpStatus status;

	ErrorCode(HttpStatus status) {
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

	/**
	 * The code that fits a bare HTTP status, for errors raised outside our own code.
	 * @param status the HTTP status code
	 * @return the matching error code
	 */
	public static ErrorCode forStatus(int status) {
		return switch (status) {
			case 400 -> VALIDATION_FAILED;
			case 401 -> UNAUTHENTICATED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 409 -> CONFLICT;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 429 -> RATE_LIMITED;
			case 503 -> SERVICE_UNAVAILABLE;
			default -> (status >= 400 && status < 500) ? VALIDATION_FAILED : INTERNAL;
		};
	}

}
