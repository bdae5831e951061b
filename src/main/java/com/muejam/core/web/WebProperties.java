package com.muejam.core.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP settings of the API.
 *
 * @param maxRequestBody largest request body accepted (413 beyond it)
 * @param corsAllowedOrigins browser origins allowed to call the API (the frontend's)
 * @param maxConcurrentRequests API requests served at once by one instance; past it a
 * request waits {@code concurrencyWait} for a slot, then gets a 503 with
 * {@code Retry-After}; keep {@code server.tomcat.threads.max} above it, so that those
 * requests have a thread to be answered on
 * @param concurrencyWait how long a request past the limit waits for a slot
 */
@ConfigurationProperties("muejam.web")
public record WebProperties(@DefaultValue("2MB") DataSize maxRequestBody,
		@DefaultValue("http://localhost:3000") List<String> corsAllowedOrigins,
		@DefaultValue("200") int maxConcurrentRequests, @DefaultValue("100ms") Duration concurrencyWait) {
}
