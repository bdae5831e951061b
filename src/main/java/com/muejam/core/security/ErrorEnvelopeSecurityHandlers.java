package com.muejam.core.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.muejam.core.error.ErrorCode;
import com.muejam.core.error.ErrorResponseWriter;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 from the security filters, with the RFC 6750 {@code WWW-Authenticate}
 * header and the error envelope as body.
 */
class ErrorEnvelopeSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

	private final ErrorResponseWriter errors;

	ErrorEnvelopeSecurityHandlers(ErrorResponseWriter errors) {
		this.errors = errors;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		this.bearerEntryPoint.commence(request, response, exception);
		String message = (exception instanceof InvalidBearerTokenException) ? "The bearer token is invalid or expired"
				: "Authentication required: send a bearer token";
		this.errors.write(request, response, ErrorCode.UNAUTHENTICATED, message);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		this.bearerDenied.handle(request, response, exception);
		this.errors.write(request, response, ErrorCode.FORBIDDEN, "You are not allowed to do this");
	}

}
