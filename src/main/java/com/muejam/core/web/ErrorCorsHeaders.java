package com.muejam.core.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;

/**
 * CORS headers for an error answered before (or instead of) Spring's CORS filter, so that
 * an allowed browser origin can read it. Unknown origins get none, and are not refused
 * either: the error stands as it is.
 */
public final class ErrorCorsHeaders {

	private ErrorCorsHeaders() {
	}

	public static void add(CorsConfiguration cors, HttpServletRequest request, HttpServletResponse response) {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		String allowed = (origin != null) ? cors.checkOrigin(origin) : null;
		if (allowed != null) {
			response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, allowed);
			List<String> exposed = cors.getExposedHeaders();
			response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
					(exposed != null) ? String.join(", ", exposed) : RequestIds.HEADER);
			response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
		}
	}

}
