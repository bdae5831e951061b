package com.muejam.core.cache;

import org.springframework.cache.Cache;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.data.redis.cache.RedisCache;

/**
 * What a cache costs to read.
 */
public final class Caches {

	private Caches() {
	}

	/**
	 * Whether the cache lives in this process, where a read is a map lookup: no round
	 * trip and no JSON to decode. With Redis, reading a page of twenty stories from the
	 * cache cost more than the one statement that reads them from the database
	 * (docs/benchmarks.md, fourteenth pass).
	 * @param cache the cache
	 * @return {@code true} unless the cache is in Redis
	 */
	public static boolean isInProcess(Cache cache) {
		return !(cache instanceof RedisCache);
	}

	/**
	 * Whether the cache lives in this process and keeps what is put in it: one bounded at
	 * no entries ({@code muejam.cache.max-entries=0}) keeps nothing, and a value put
	 * there is only work for its eviction.
	 * @param cache the cache
	 * @return {@code true} for an in-process cache that can hold a value
	 */
	public static boolean keepsInProcess(Cache cache) {
		if (cache instanceof CaffeineCache caffeine) {
			return caffeine.getNativeCache()
				.policy()
				.eviction()
				.map((eviction) -> eviction.getMaximum() > 0)
				.orElse(true);
		}
		return isInProcess(cache);
	}

}
