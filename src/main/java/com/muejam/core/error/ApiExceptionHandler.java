package com.muejam.core.error;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import com.muejam.core.web.RequestIds;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every exception that reaches Spring MVC, ours and the framework's, to the error
 * envelope. Bodies never carry stack traces, SQL or class names.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private static final String VALIDATION_MESSAGE = "Request validation failed";

	/** PostgreSQL's character_not_in_repertoire (a NUL) and untranslatable_character. */
	private static final Set<String> UNSTORABLE_CHARACTERS = Set.of("22021", "22P05");

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Object> handleApiException(ApiException ex) {
		HttpHeaders headers = (ex instanceof HeaderCarrying carrying) ? carrying.headers() : HttpHeaders.EMPTY;
		return envelope(ex.code(), ex.code().status(), ex.getMessage(), ex.details(), headers);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex) {
		return envelope(ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN, "You are not allowed to do this", Map.of(),
				HttpHeaders.EMPTY);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex) {
		Map<String, Object> details = new LinkedHashMap<>();
		for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
			String name = "value";
			for (Path.Node node : violation.getPropertyPath()) {
				name = (node.getName() != null) ? node.getName() : name;
			}
			details.putIfAbsent(FieldNames.toSnakeCase(name), violation.getMessage());
		}
		return validationFailed(details);
	}

	/**
	 * Query parameters that are not valid UTF-8, found when read (Tomcat ignores such a
	 * parameter and says so).
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<Object> handleUndecodableParameter(InvalidParameterException ex) {
		return validationFailed(Map.of("query", "has a parameter that is not valid UTF-8"));
	}

	/**
	 * A header value the firewall refuses (control bytes), found when the header is read.
	 */
	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<Object> handleRejectedRequest(RequestRejectedException ex) {
		return validationFailed(Map.of("request", "has characters that are not allowed in its URL or headers"));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> handleDataIntegrity(DataIntegrityViolationException ex) {
		if (ex.getMostSpecificCause() instanceof SQLException sql
				&& UNSTORABLE_CHARACTERS.contains(String.valueOf(sql.getSQLState()))) {
			return validationFailed(Map.of("body", "contains characters that cannot be stored (NUL)"));
		}
		log.info("Conflicting write rejected by a database constraint: {}", ex.getMostSpecificCause().getMessage());
		return envelope(ErrorCode.CONFLICT, HttpStatus.CONFLICT, "The request conflicts with the current state",
				Map.of(), HttpHeaders.EMPTY);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Object> handleConcurrentUpdate(OptimisticLockingFailureException ex) {
		return envelope(ErrorCode.CONFLICT, HttpStatus.CONFLICT, "The resource was changed concurrently; retry",
				Map.of(), HttpHeaders.EMPTY);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex, HttpServletRequest request) {
		if (DatabaseUnavailable.isCause(ex)) {
			DatabaseUnavailable.warn(request, ex);
			return envelope(ErrorCode.SERVICE_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.MESSAGE,
					Map.of(), DatabaseUnavailable.headers());
		}
		log.error("Unhandled error serving {} {}", request.getMethod(), request.getRequestURI(), ex);
		return envelope(ErrorCode.INTERNAL, HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred", Map.of(),
				HttpHeaders.EMPTY);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return validationFailed(fieldErrors(ex.getBindingResult()));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, Object> details = new LinkedHashMap<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String name = parameterName(result.getMethodParameter());
			result.getResolvableErrors().forEach((error) -> details.putIfAbsent(name, messageOf(error)));
		});
		return validationFailed(details);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: String.valueOf(ex.getPropertyName());
		String expected = (ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "value";
		return validationFailed(Map.of(name, "must be a valid " + expected));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return validationFailed(Map.of(ex.getParameterName(), "is required"));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		RequestBodyTooLarge tooLarge = causeOfType(ex, RequestBodyTooLarge.class);
		if (tooLarge != null) {
			return envelope(ErrorCode.PAYLOAD_TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage(), Map.of(),
					HttpHeaders.EMPTY);
		}
		if (cause instanceof JacksonException jackson && !(cause instanceof StreamReadException)
				&& !jackson.getPath().isEmpty()) {
			String field = jsonPath(jackson);
			String problem = (cause instanceof UnrecognizedPropertyException) ? "is not a known field"
					: "has the wrong type or format";
			return validationFailed(Map.of(field, problem));
		}
		String problem = (ex.getMessage() != null && ex.getMessage().startsWith("Required request body"))
				? "is required" : "is not valid JSON";
		return validationFailed(Map.of("body", problem));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ErrorCode code = ErrorCode.forStatus(statusCode.value());
		String message = switch (code) {
			case NOT_FOUND -> "No such resource";
			case METHOD_NOT_ALLOWED -> "Method not allowed on this resource";
			case UNSUPPORTED_MEDIA_TYPE -> "Unsupported content type; send application/json";
			case NOT_ACCEPTABLE -> "Cannot produce a response in an accepted media type";
			case PAYLOAD_TOO_LARGE -> "Request body too large";
			case SERVICE_UNAVAILABLE -> "Service temporarily unavailable";
			case INTERNAL -> "An unexpected error occurred";
			default -> "Bad request";
		};
		if (code == ErrorCode.INTERNAL) {
			log.error("Framework error serving request", ex);
		}
		return envelope(code, statusCode, message, Map.of(), headers);
	}

	private static ResponseEntity<Object> validationFailed(Map<String, Object> details) {
		return envelope(ErrorCode.VALIDATION_FAILED, HttpStatus.BAD_REQUEST, VALIDATION_MESSAGE, details,
				HttpHeaders.EMPTY);
	}

	private static ResponseEntity<Object> envelope(ErrorCode code, HttpStatusCode status, String message,
			Map<String, Object> details, HttpHeaders headers) {
		// the request id filter has put the id in the MDC of the thread serving the
		// request
		// JSON whatever the request accepted (an event stream, an image): errors are
		// always the envelope
		return ResponseEntity.status(status)
			.headers(headers)
			.contentType(MediaType.APPLICATION_JSON)
			.body(ErrorResponse.of(code, message, details, RequestIds.of(null)));
	}

	private static Map<String, Object> fieldErrors(BindingResult result) {
		Map<String, Object> details = new LinkedHashMap<>();
		for (FieldError error : result.getFieldErrors()) {
			details.putIfAbsent(FieldNames.toSnakeCase(error.getField()), messageOf(error));
		}
		result.getGlobalErrors().forEach((error) -> details.putIfAbsent(error.getObjectName(), messageOf(error)));
		return details;
	}

	/**
	 * A parameter by its name in the API: a query parameter's or path variable's own
	 * name.
	 */
	private static String parameterName(MethodParameter parameter) {
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
		if (variable != null && !variable.name().isEmpty()) {
			return variable.name();
		}
		return FieldNames.toSnakeCase(String.valueOf(parameter.getParameterName()));
	}

	private static String messageOf(MessageSourceResolvable error) {
		if (error instanceof FieldError fieldError && fieldError.isBindingFailure()) {
			return "has the wrong type or format";
		}
		return String.valueOf(error.getDefaultMessage());
	}

	private static <T extends Throwable> @Nullable T causeOfType(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	private static String jsonPath(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (var reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

}
