package com.muejam.core.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.muejam.core.error.ErrorCode;
import com.muejam.core.error.ErrorResponseWriter;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads them and trips over them, a query string whose names or
 * values are not valid percent-encoded UTF-8 or carry a NUL (which PostgreSQL cannot
 * store or compare): 400 naming each such parameter; and a {@code Content-Type} that is a
 * wildcard or not a media type at all: 415; and an {@code Accept} header that does not
 * parse (400), which would otherwise fail the writing of the error envelope itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class MalformedRequestFilter extends OncePerRequestFilter {

	private final ErrorResponseWriter errors;

	MalformedRequestFilter(ErrorResponseWriter errors) {
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!concrete(request.getContentType())) {
			this.errors.write(request, response, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
					"Unsupported content type; send application/json");
			return;
		}
		if (!parses(request.getHeader(HttpHeaders.ACCEPT))) {
			this.errors.write(request, response, ErrorCode.VALIDATION_FAILED, 400, "Request validation failed",
					Map.of("accept", "is not a valid list of media types"));
			return;
		}
		String query = request.getQueryString();
		Map<String, Object> problems = (query != null) ? problems(query) : Map.of();
		if (!problems.isEmpty()) {
			this.errors.write(request, response, ErrorCode.VALIDATION_FAILED, 400, "Request validation failed",
					problems);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean concrete(String contentType) {
		if (contentType == null) {
			return true;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return !type.isWildcardType() && !type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static boolean parses(String accept) {
		try {
			MediaType.parseMediaTypes(accept);
			return true;
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	static Map<String, Object> problems(String query) {
		Map<String, Object> problems = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
			if (name == null) {
				problems.putIfAbsent("query", "has a parameter name that is not valid UTF-8");
			}
			else if (value == null) {
				problems.putIfAbsent(name, "is not valid UTF-8");
			}
			else if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
				problems.putIfAbsent(name.replace('\0', '?'), "must not contain NUL characters");
			}
		}
		return problems;
	}

	/**
	 * Percent-decodes as UTF-8 ({@code +} is a space), strictly: a broken escape or byte
	 * sequence is refused.
	 * @param text the encoded text
	 * @return the decoded text, or {@code null} when it is not valid
	 */
	private static @Nullable String decode(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '%') {
				if (!isHex(text, i + 1) || !isHex(text, i + 2)) {
					return null;
				}
				bytes.write(Integer.parseInt(text, i + 1, i + 3, 16));
				i += 2;
			}
			else if (c == '+') {
				bytes.write(' ');
			}
			else {
				bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static boolean isHex(String text, int index) {
		return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
	}

}
