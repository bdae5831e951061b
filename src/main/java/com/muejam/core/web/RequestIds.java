package com.muejam.core.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Where the current request's id is kept: a request attribute and the logging MDC.
 */
public final class RequestIds {

	public static final String HEADER = "X-Request-Id";

	public static final String MDC_KEY = "request_id";

	static final String ATTRIBUTE = RequestIds.class.getName();

	private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private RequestIds() {
	}

	/**
	 * The id to use for a request that offered the given one.
	 * @param offered the caller's {@code X-Request-Id}, may be {@code null}
	 * @return the offered id when it is a sane token, a new UUID otherwise
	 */
	public static String accept(@Nullable String offered) {
		return (offered != null && ACCEPTED.matcher(offered).matches()) ? offered : UUID.randomUUID().toString();
	}

	/**
	 * The id of the given request, or of the request this thread is serving.
	 * @param request the request, may be {@code null}
	 * @return the request id, or {@code null} outside a request
	 */
	public static @Nullable String of(@Nullable HttpServletRequest request) {
		Object id = (request != null) ? request.getAttribute(ATTRIBUTE) : null;
		return (id != null) ? id.toString() : MDC.get(MDC_KEY);
	}

}
