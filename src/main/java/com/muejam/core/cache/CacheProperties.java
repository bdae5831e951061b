package com.muejam.core.cache;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Cache settings: a time-to-live per cache name and, for the in-process cache, the
 * largest number of entries each cache keeps, or for a cache of {@link Weighed} values
 * (chapters) the largest sum of their sizes.
 *
 * @param ttl time-to-live by cache name (see {@link CacheNames})
 * @param maxEntries bound of each in-process cache
 * @param maxBytes bound of each in-process cache of {@link Weighed} values
 */
@ConfigurationProperties("muejam.cache")
public record CacheProperties(@DefaultValue Map<String, Duration> ttl, @DefaultValue("10000") long maxEntries,
		@DefaultValue("64MB") DataSize maxBytes) {
}
