package com.muejam.core.security;

import java.io.IOException;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads every header of a request through Spring Security's firewall, which checks a
 * header's name and value only when something reads it: so a header it refuses (control
 * characters, say) is refused with the envelope on every path, not only where a handler
 * happens to read it.
 */
final class FirewalledHeadersFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Enumeration<String> names = request.getHeaderNames();
		while (names.hasMoreElements()) {
			Enumeration<String> values = request.getHeaders(names.nextElement());
			while (values.hasMoreElements()) {
				values.nextElement();
			}
		}
		chain.doFilter(request, response);
	}

}
