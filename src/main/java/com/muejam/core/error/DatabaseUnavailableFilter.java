package com.muejam.core.error;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers the database being unavailable to a filter (the sign-in's statement runs in
 * Spring Security's chain, before Spring MVC's handlers) as {@link ApiExceptionHandler}
 * answers it to a controller: a 503 envelope with {@code Retry-After} and one warning.
 * Left to the servlet container, each such request was logged as an ERROR with its stack
 * trace, a flood of them in an outage, before its error dispatch wrote the same 503.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private final ErrorResponseWriter errors;

	DatabaseUnavailableFilter(ErrorResponseWriter errors) {
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException ex) {
			if (response.isCommitted() || !DatabaseUnavailable.isCause(ex)) {
				throw ex;
			}
			DatabaseUnavailable.warn(request, ex);
			response.resetBuffer();
			response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
			this.errors.write(request, response, ErrorCode.SERVICE_UNAVAILABLE, DatabaseUnavailable.MESSAGE);
		}
	}

}
