package com.muejam.core.error;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Hidden;

import com.muejam.core.web.RequestIds;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the servlet container's error dispatch (errors raised outside Spring MVC) with
 * the error envelope instead of Spring Boot's default error body.
 */
@Hidden
@RestController
class ApiErrorController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ErrorResponse> error(HttpServletRequest request) {
		Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (statusAttribute instanceof Integer value) ? value : 500;
		if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable ex
				&& DatabaseUnavailable.isCause(ex)) {
			return ResponseEntity.status(ErrorCode.SERVICE_UNAVAILABLE.status())
				.headers(DatabaseUnavailable.headers())
				.body(ErrorResponse.of(ErrorCode.SERVICE_UNAVAILABLE, DatabaseUnavailable.MESSAGE, Map.of(),
						RequestIds.of(request)));
		}
		ErrorCode code = ErrorCode.forStatus(status);
		String message = switch (code) {
			case NOT_FOUND -> "No such resource";
			case PAYLOAD_TOO_LARGE -> "Request body too large";
			case INTERNAL -> "An unexpected error occurred";
			default -> "Request failed";
		};
		return ResponseEntity.status(status).body(ErrorResponse.of(code, message, Map.of(), RequestIds.of(request)));
	}

}
