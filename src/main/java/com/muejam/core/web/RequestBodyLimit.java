package com.muejam.core.web;

import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A module's own body limit for some of its requests (uploads of a type bounded by that
 * type's maximum), in place of {@code muejam.web.max-request-body}. Enforced by the same
 * filter, before anything reads the body.
 */
@FunctionalInterface
public interface RequestBodyLimit {

	/**
	 * @param request the request about to be handled
	 * @return its largest acceptable body in bytes, or empty when this limit does not
	 * apply to it
	 */
	OptionalLong maxBytes(HttpServletRequest request);

}
