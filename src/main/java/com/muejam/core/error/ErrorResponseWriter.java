package com.muejam.core.error;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import com.muejam.core.web.ErrorCorsHeaders;
import com.muejam.core.web.RequestIds;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * Writes the error envelope straight to a servlet response, for errors raised before
 * Spring MVC takes over (security filters, the servlet container's error dispatch). An
 * error answered before the CORS filter ran (a body too large, say) gets the CORS headers
 * of an allowed origin too, so the frontend can read it.
 */
@Component
public class ErrorResponseWriter {

	private final JsonMapper json;

	private final ObjectProvider<CorsConfigurationSource> cors;

	ErrorResponseWriter(JsonMapper json,
			@Qualifier("corsConfigurationSource") ObjectProvider<CorsConfigurationSource> cors) {
		this.json = json;
		this.cors = cors;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String message)
			throws IOException {
		write(request, response, code, code.status().value(), message, Map.of());
	}

	public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, int status,
			String message, Map<String, Object> details) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		addCorsHeaders(request, response);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(),
				ErrorResponse.of(code, message, details, RequestIds.of(request)));
	}

	private void addCorsHeaders(HttpServletRequest request, HttpServletResponse response) {
		if (response.containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)) {
			return;
		}
		CorsConfigurationSource source = this.cors.getIfAvailable();
		CorsConfiguration configuration = (source != null) ? source.getCorsConfiguration(request) : null;
		if (configuration != null) {
			ErrorCorsHeaders.add(configuration, request, response);
		}
	}

}
