package com.muejam.core.error;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import com.muejam.core.web.RequestIds;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes the error envelope straight to a servlet response, for errors raised before
 * Spring MVC takes over (security filters, the servlet container's error dispatch).
 */
@Component
public class ErrorResponseWriter {

	private final JsonMapper json;

	ErrorResponseWriter(JsonMapper json) {
		this.json = json;
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
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(),
				ErrorResponse.of(code, message, details, RequestIds.of(request)));
	}

}
