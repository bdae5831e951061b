package com.muejam.core.cache;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cache settings: a time-to-live per cache name and, for the in-process cache, the
 * largest number of entries each cache keeps.
 *
 * @param ttl time-to-live by cache name (see {@link CacheNames})
 * @param maxEntries bound of each in-process cache
 */
@ConfigurationProperties("muejam.cache")
public record CacheProperties(@DefaultValue Map<String, Duration> ttl, @DefaultValue("10000") long maxEntries) {
}
