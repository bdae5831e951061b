package com.muejam.core.web;

import java.lang.reflect.Method;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Finds a request's handler by its path first. For a path with a variable
 * ({@code /v1/stories/{id}}) Spring MVC tries every mapping of the API, and asks each
 * about the request's method, headers, media types and CORS pre-flight before it looks at
 * the path. Here a request is matched only against the mappings that can match its path
 * ({@link MappingsByPath}: a handful, found by the path's first segments), path first,
 * then every other condition as Spring MVC does. When exactly one matches, it is the
 * handler, as Spring MVC would find it; otherwise (none: a 404, 405, 406 or 415 to
 * explain; several: Spring MVC's ordering to apply; a CORS pre-flight) Spring MVC looks
 * the request up itself, still asking each mapping about the path first. A path with an
 * escape or a matrix parameter, whose segments read differently from their text, is
 * looked up by Spring MVC alone.
 */
final class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

	/** The mappings by path, built on the first lookup after a change. */
	private volatile @Nullable MappingsByPath byPath;

	@Override
	protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
			throws Exception {
		if (lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		// found by Spring MVC itself below: none (a 404, 405, 406 or 415 to explain),
		// several (its ordering decides) or a pre-flight
		MappingsByPath.Candidate found = null;
		RequestMappingInfo match = null;
		for (MappingsByPath.Candidate candidate : byPath().candidates(lookupPath)) {
			RequestMappingInfo matching = pathFirst(candidate.info(), request);
			if (matching == null) {
				continue;
			}
			if (found != null) {
				return super.lookupHandlerMethod(lookupPath, request);
			}
			found = candidate;
			match = matching;
		}
		if (found == null || match == null || CorsUtils.isPreFlightRequest(request)) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, found.handler());
		handleMatch(match, lookupPath, request);
		return found.handler();
	}

	/**
	 * How Spring MVC alone finds a request's handler, for comparison.
	 * @param lookupPath the request's lookup path
	 * @param request the request
	 * @return the handler, or {@code null}
	 * @throws Exception as Spring MVC's lookup does
	 */
	@Nullable HandlerMethod lookupAsSpringMvcDoes(String lookupPath, HttpServletRequest request) throws Exception {
		return super.lookupHandlerMethod(lookupPath, request);
	}

	@Override
	protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		return pathFirst(info, request);
	}

	/** The mapping's conditions that match the request, its path asked about first. */
	private @Nullable RequestMappingInfo pathFirst(RequestMappingInfo info, HttpServletRequest request) {
		PathPatternsRequestCondition paths = info.getPathPatternsCondition();
		if (paths != null && paths.getMatchingCondition(request) == null) {
			return null;
		}
		return super.getMatchingMapping(info, request);
	}

	private MappingsByPath byPath() {
		MappingsByPath mappings = this.byPath;
		if (mappings == null) {
			mappings = MappingsByPath.of(getHandlerMethods());
			this.byPath = mappings;
		}
		return mappings;
	}

	@Override
	protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
		super.registerHandlerMethod(handler, method, mapping);
		this.byPath = null;
	}

	@Override
	public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
		super.registerMapping(mapping, handler, method);
		this.byPath = null;
	}

	@Override
	public void unregisterMapping(RequestMappingInfo mapping) {
		super.unregisterMapping(mapping);
		this.byPath = null;
	}

}
