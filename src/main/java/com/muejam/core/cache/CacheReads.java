package com.muejam.core.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.cache.Cache;
import org.springframework.data.redis.cache.RedisCache;

/**
 * Reads of many keys of a cache at once. With Redis, the reads are all sent before any
 * answer is awaited, so a page of cached values costs one round trip rather than one per
 * key (and a failed or late read is a miss, {@link ResilientCacheWriter}). In process,
 * they are plain reads.
 */
public final class CacheReads {

	private CacheReads() {
	}

	/**
	 * The cached values of these keys.
	 * @param <V> the value type
	 * @param cache the cache
	 * @param keys the keys
	 * @param type the value type
	 * @return the values found, by key; keys the cache does not hold are missing
	 */
	public static <V> Map<String, V> getAll(Cache cache, Collection<String> keys, Class<V> type) {
		Map<String, V> found = new HashMap<>();
		if (cache instanceof RedisCache redis && redis.getNativeCache().supportsAsyncRetrieve()) {
			List<String> asked = new ArrayList<>(keys);
			List<CompletableFuture<Cache.ValueWrapper>> answers = asked.stream().map(redis::retrieve).toList();
			for (int i = 0; i < asked.size(); i++) {
				Cache.ValueWrapper answer = answers.get(i).join();
				if (answer != null && type.isInstance(answer.get())) {
					found.put(asked.get(i), type.cast(answer.get()));
				}
			}
			return found;
		}
		for (String key : keys) {
			V value = cache.get(key, type);
			if (value != null) {
				found.put(key, value);
			}
		}
		return found;
	}

}
