package com.muejam.core.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;

/**
 * Where the current request's id is kept: a request attribute and the logging MDC.
 */
public final class RequestIds {

	public static final String HEADER = "X-Request-Id";

	public static final String MDC_KEY = "request_id";

	static final String ATTRIBUTE = RequestIds.class.getName();

	private RequestIds() {
	}

	/**
	 * The id of the given request, or of the request this thread is serving.
	 * @param request the request, may be {@code null}
	 * @return the request id, or {@code null} outside a request
	 */
	public static String of(HttpServletRequest request) {
		Object id = (request != null) ? request.getAttribute(ATTRIBUTE) : null;
		return (id != null) ? id.toString() : MDC.get(MDC_KEY);
	}

}
