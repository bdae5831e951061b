package com.muejam.core.cache;

import org.springframework.util.Assert;

/**
 * The one type a cache holds, declared as a bean by the module that owns the cache. With
 * Redis, values are stored as JSON of exactly this type (never as Java-serialized
 * objects, and without type names in the data), so whoever can write to Redis can at most
 * change cached data, not run code.
 *
 * @param cache the cache name (see {@link CacheNames})
 * @param type the record the cache holds
 */
public record CacheValueType(String cache, Class<?> type) {

	public CacheValueType {
		Assert.hasText(cache, "cache must not be empty");
	}

}
