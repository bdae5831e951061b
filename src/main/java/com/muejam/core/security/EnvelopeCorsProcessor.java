package com.muejam.core.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import com.muejam.core.error.ErrorCode;
import com.muejam.core.error.ErrorResponseWriter;

import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring's CORS checks, with the error envelope (403 {@code FORBIDDEN}) for a request
 * from an origin, method or header that is not allowed, instead of a plain-text body.
 */
class EnvelopeCorsProcessor extends DefaultCorsProcessor {

	private final ErrorResponseWriter errors;

	EnvelopeCorsProcessor(ErrorResponseWriter errors) {
		this.errors = errors;
	}

	@Override
	public boolean processRequest(@Nullable CorsConfiguration config, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		boolean allowed = super.processRequest(config, request, response);
		if (!allowed) {
			this.errors.write(request, response, ErrorCode.FORBIDDEN, "Cross-origin request not allowed");
		}
		return allowed;
	}

	@Override
	protected void rejectRequest(ServerHttpResponse response) {
		// the envelope is written by processRequest
	}

}
