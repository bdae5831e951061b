package com.muejam.core.web;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.muejam.core.error.ErrorCode;
import com.muejam.core.error.ErrorResponseWriter;
import com.muejam.core.error.RequestBodyTooLarge;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code muejam.web.max-request-body} (or a module's
 * own {@link RequestBodyLimit}, such as an upload type's maximum) with 413: at once when
 * {@code Content-Length} says so, and while reading when a chunked body grows past the
 * limit. It runs before every other filter that may read a body (Spring's
 * {@code FormContentFilter} parses form-encoded PUTs before security), so nothing reads
 * more than the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final long limit;

	private final List<RequestBodyLimit> limits;

	private final ErrorResponseWriter errors;

	RequestBodyLimitFilter(WebProperties properties, List<RequestBodyLimit> limits, ErrorResponseWriter errors) {
		this.limit = properties.maxRequestBody().toBytes();
		this.limits = limits;
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = limitFor(request);
		if (request.getContentLengthLong() > limit) {
			tooLarge(request, response, limit);
			return;
		}
		if (cannotHaveABody(request)) {
			// every later question to a wrapped request goes through the wrapper
			chain.doFilter(request, response);
			return;
		}
		try {
			chain.doFilter(new LimitedRequest(request, limit), response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			// a filter before the dispatcher (the form filter) read past the limit
			if (!isTooLarge(ex) || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			response.setHeader(RequestIds.HEADER, RequestIds.of(request));
			tooLarge(request, response, limit);
		}
	}

	/**
	 * An HTTP/1 request with neither a length nor a transfer coding has no body at all
	 * (RFC 9112, 6.3); an HTTP/2 request may have one without either.
	 */
	private static boolean cannotHaveABody(HttpServletRequest request) {
		return request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null
				&& request.getProtocol().startsWith("HTTP/1");
	}

	private long limitFor(HttpServletRequest request) {
		for (RequestBodyLimit candidate : this.limits) {
			OptionalLong own = candidate.maxBytes(request);
			if (own.isPresent()) {
				return own.getAsLong();
			}
		}
		return this.limit;
	}

	private void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
		this.errors.write(request, response, ErrorCode.PAYLOAD_TOO_LARGE,
				"Request body larger than " + limit + " bytes");
	}

	private static boolean isTooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestBodyTooLarge) {
				return true;
			}
		}
		return false;
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private @Nullable ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedInputStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long count;

		LimitedInputStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				advance(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = this.delegate.read(buffer, offset, length);
			if (read > 0) {
				advance(read);
			}
			return read;
		}

		private void advance(int bytes) throws RequestBodyTooLarge {
			this.count += bytes;
			if (this.count > this.limit) {
				throw new RequestBodyTooLarge(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
