package com.muejam.core.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.muejam.core.error.ErrorCode;
import com.muejam.core.error.ErrorResponseWriter;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sheds load instead of queueing it: at most {@code muejam.web.max-concurrent-requests}
 * requests are served at once; one past the limit waits
 * {@code muejam.web.concurrency-wait} for a slot and is then answered 503
 * {@code SERVICE_UNAVAILABLE} with {@code Retry-After} at once.
 *
 * <p>
 * Otherwise, when the database slows down (a cold start, a failover, a burst), requests
 * would pile up waiting for pooled connections, each holding its buffers and a thread
 * (and on the virtual threads requests once ran on, until the heap ran out). Tomcat has
 * more threads than the limit ({@code server.tomcat.threads.max}), so the shed requests
 * are answered at once; past that many busy threads Tomcat queues requests before any
 * filter sees them (docs/benchmarks.md, twentieth pass). A fast 503 lets the load
 * balancer and clients back off while the instance keeps serving what it can, and it
 * recovers by itself once the burst passes. Actuator endpoints (probes, metrics) are
 * never shed; a streaming request gives its slot back once it goes asynchronous. It runs
 * after the request id and Spring's HTTP observation filter, so a shed request carries
 * its id and counts in {@code http_server_requests}. Metrics:
 * {@code resilience4j_bulkhead_available_concurrent_calls{name="requests"}} and
 * {@code muejam_requests_shed_total}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ConcurrencyLimitFilter extends OncePerRequestFilter {

	static final String RETRY_AFTER_SECONDS = "1";

	private final Bulkhead slots;

	private final Counter shed;

	private final ErrorResponseWriter errors;

	ConcurrencyLimitFilter(WebProperties properties, ErrorResponseWriter errors, MeterRegistry meters) {
		BulkheadRegistry registry = BulkheadRegistry.of(BulkheadConfig.custom()
			.maxConcurrentCalls(properties.maxConcurrentRequests())
			.maxWaitDuration(properties.concurrencyWait())
			.build());
		TaggedBulkheadMetrics.ofBulkheadRegistry(registry).bindTo(meters);
		this.slots = registry.bulkhead("requests");
		this.shed = Counter.builder("muejam.requests.shed")
			.description("Requests answered 503 because the instance was serving its maximum")
			.register(meters);
		this.errors = errors;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith("/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.slots.tryAcquirePermission()) {
			this.shed.increment();
			response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
			this.errors.write(request, response, ErrorCode.SERVICE_UNAVAILABLE, "The server is busy; retry shortly");
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.slots.onComplete();
		}
	}

}
