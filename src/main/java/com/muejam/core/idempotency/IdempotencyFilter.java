package com.muejam.core.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import com.muejam.core.error.ErrorCode;
import com.muejam.core.error.ErrorResponseWriter;
import com.muejam.core.openapi.Created;
import com.muejam.core.security.CurrentUser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Makes creating {@code POST}s (handlers marked {@link Created}) safe to retry: a request
 * with an {@code Idempotency-Key} header is answered once; a retry with the same key from
 * the same user gets the first response again (status, body, {@code Location}, and
 * {@code Idempotent-Replayed: true}) without running the handler. The key with another
 * request (method, path or body) is a 422, and while the first request runs a duplicate
 * is a 409 (retry it a moment later to get the replay). Anonymous requests are not
 * tracked (creating operations need a token anyway). Runs after Spring Security, so it
 * knows the user.
 */
@Component
@Order(0)
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	static final String REPLAYED = "Idempotent-Replayed";

	private static final int MAX_KEY_LENGTH = 255;

	private final IdempotencyKeys keys;

	private final IdempotencyProperties properties;

	private final Clock clock;

	private final ErrorResponseWriter errors;

	private final ObjectProvider<HandlerMapping> handlers;

	IdempotencyFilter(IdempotencyKeys keys, IdempotencyProperties properties, Clock clock, ErrorResponseWriter errors,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> handlers) {
		this.keys = keys;
		this.properties = properties;
		this.clock = clock;
		this.errors = errors;
		this.handlers = handlers;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String subject = subject();
		if (subject == null || !isCreating(request)) {
			chain.doFilter(request, response);
			return;
		}
		String key = request.getHeader(HEADER);
		if (!isValid(key)) {
			this.errors.write(request, response, ErrorCode.VALIDATION_FAILED, 400, "Request validation failed",
					Map.of(HEADER, "must be 1-" + MAX_KEY_LENGTH + " printable ASCII characters"));
			return;
		}
		byte[] body = request.getInputStream().readAllBytes();
		String hash = hash(request, body);
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.properties.retention());
		if (!this.keys.claim(subject, key, hash, now, expiresAt)
				&& !this.keys.takeOver(subject, key, hash, now, expiresAt, now.minus(this.properties.lease()))) {
			answerFromStored(request, response, this.keys.find(subject, key), hash);
			return;
		}
		ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
		boolean stored = false;
		try {
			chain.doFilter(new CachedBodyRequest(request, body), recorded);
			if (StoredResponse.isReplayable(recorded.getStatus())) {
				this.keys.complete(subject, key, record(recorded));
				stored = true;
			}
		}
		finally {
			if (!stored) {
				this.keys.release(subject, key);
			}
			recorded.copyBodyToResponse();
		}
	}

	private void answerFromStored(HttpServletRequest request, HttpServletResponse response, Optional<KeyRecord> stored,
			String hash) throws IOException {
		if (stored.isPresent() && !stored.get().requestHash().equals(hash)) {
			this.errors.write(request, response, ErrorCode.IDEMPOTENCY_KEY_REUSED,
					"This Idempotency-Key was used for a different request");
			return;
		}
		StoredResponse first = stored.map(KeyRecord::response).orElse(null);
		if (first == null) {
			this.errors.write(request, response, ErrorCode.IDEMPOTENCY_KEY_IN_USE,
					"A request with this Idempotency-Key is still in progress; retry later");
			return;
		}
		response.setStatus(first.status());
		first.headers().forEach(response::setHeader);
		response.setHeader(REPLAYED, "true");
		response.setContentLength(first.body().length);
		response.getOutputStream().write(first.body());
	}

	private static StoredResponse record(ContentCachingResponseWrapper response) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : new String[] { HttpHeaders.LOCATION, HttpHeaders.CONTENT_TYPE }) {
			String value = response.getHeader(name);
			if (value != null) {
				headers.put(name, value);
			}
		}
		return new StoredResponse(response.getStatus(), headers, response.getContentAsByteArray());
	}

	private boolean isCreating(HttpServletRequest request) {
		HandlerMapping mapping = this.handlers.getIfAvailable();
		if (mapping == null) {
			return false;
		}
		Object parsedPath = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
		try {
			ServletRequestPathUtils.parseAndCache(request);
			HandlerExecutionChain handler = mapping.getHandler(request);
			return handler != null && handler.getHandler() instanceof HandlerMethod method
					&& method.hasMethodAnnotation(Created.class);
		}
		catch (Exception ex) {
			// no handler resolved (unsupported media type and the like): MVC answers it
			return false;
		}
		finally {
			request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsedPath);
		}
	}

	private static @Nullable String subject() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) ? user.subject()
				: null;
	}

	static boolean isValid(String key) {
		if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
			return false;
		}
		return key.chars().allMatch((c) -> c >= 0x20 && c <= 0x7e);
	}

	private static String hash(HttpServletRequest request, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			String query = request.getQueryString();
			digest.update(
					(request.getMethod() + " " + request.getRequestURI() + ((query != null) ? "?" + query : "") + "\n")
						.getBytes(StandardCharsets.UTF_8));
			digest.update(body);
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
