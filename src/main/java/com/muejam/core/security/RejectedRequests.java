package com.muejam.core.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.muejam.core.error.ErrorCode;
import com.muejam.core.error.ErrorResponseWriter;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests the security firewall refuses (encoded dots or slashes, control characters in
 * the URL or headers): 400 in the error envelope, with CORS headers for allowed origins
 * (the firewall runs before the CORS filter).
 */
class RejectedRequests implements RequestRejectedHandler {

	private final ErrorResponseWriter errors;

	RejectedRequests(ErrorResponseWriter errors) {
		this.errors = errors;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException exception)
			throws IOException {
		this.errors.write(request, response, ErrorCode.VALIDATION_FAILED, 400, "Request validation failed",
				Map.of("request", "has characters that are not allowed in its URL or headers"));
	}

}
