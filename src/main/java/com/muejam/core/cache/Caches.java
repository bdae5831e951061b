package com.muejam.core.cache;

import org.springframework.cache.Cache;
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

}
