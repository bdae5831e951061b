package com.muejam.core.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import com.muejam.core.error.ErrorCode;
import com.muejam.core.error.ErrorResponse;

import org.springframework.http.MediaType;
import org.springframework.web.cors.CorsConfiguration;

/**
 * Tomcat's last word on a failed request, in place of its HTML error page: the error
 * envelope with a request id, for what the connector refuses before the application sees
 * it (a malformed or undecodable URL, headers over the size limit) and any other error
 * left without a body. Allowed browser origins get the CORS headers, so that a frontend
 * can read the error.
 */
class EnvelopeErrorReportValve extends ErrorReportValve {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CorsConfiguration cors;

	EnvelopeErrorReportValve(CorsConfiguration cors) {
		this.cors = cors;
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		Object known = request.getAttribute(RequestIds.ATTRIBUTE);
		String id = (known != null) ? known.toString() : RequestIds.accept(request.getHeader(RequestIds.HEADER));
		ErrorCode code = ErrorCode.forStatus(status);
		Map<String, Object> details = (status == 400)
				? Map.of("request", "is malformed: an invalid URL or encoding, or headers that are too large")
				: Map.of();
		String body = JSON.writeValueAsString(ErrorResponse.of(code, message(code), details, id));
		try {
			response.setHeader(RequestIds.HEADER, id);
			ErrorCorsHeaders.add(this.cors, request, response);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response is unusable: nothing more to say
		}
	}

	private static String message(ErrorCode code) {
		return switch (code) {
			case VALIDATION_FAILED -> "The request could not be read";
			case NOT_FOUND -> "No such resource";
			case PAYLOAD_TOO_LARGE -> "Request too large";
			case SERVICE_UNAVAILABLE -> "Service temporarily unavailable";
			case INTERNAL -> "An unexpected error occurred";
			default -> "Request failed";
		};
	}

}
