package com.muejam.core.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.cache.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Cache-aside without stale values left behind by a race between a read and a write.
 * <ul>
 * <li>A writer evicts inside its transaction, and once more after it commits: a read that
 * starts before the commit still sees the old rows, and may put them back after the first
 * eviction. Outside a transaction, an eviction is made once.</li>
 * <li>A reader takes a {@link #mark(Cache)} before it reads, and puts what it read with
 * {@link #putUnlessEvicted}: not at all if the cache saw an eviction since the mark, and
 * undone if one lands during the put. So a read that began before a commit is never left
 * in the cache after that commit's eviction, however slow it was.</li>
 * </ul>
 * The marks count this process's evictions. With Redis, a writer on another instance
 * evicts only the shared entry: a read on this instance that began before that commit and
 * puts after its eviction leaves the old value until the time-to-live, a window as long
 * as the read.
 */
public final class CacheEvictions {

	/** Evictions made in this process, by cache name. */
	private static final ConcurrentMap<String, AtomicLong> EVICTIONS = new ConcurrentHashMap<>();

	private CacheEvictions() {
	}

	/**
	 * The mark to take before reading what will be put.
	 * @param cache the cache
	 * @return the mark
	 */
	public static long mark(Cache cache) {
		return evictions(cache).get();
	}

	/**
	 * Puts a value read since the mark, unless the cache saw an eviction since: the value
	 * may predate the change the eviction stands for. If an eviction lands during the
	 * put, the put is undone.
	 * @param cache the cache
	 * @param key the key
	 * @param value the value read
	 * @param mark the mark taken before the read
	 */
	public static void putUnlessEvicted(Cache cache, Object key, Object value, long mark) {
		AtomicLong evictions = evictions(cache);
		if (evictions.get() != mark) {
			return;
		}
		cache.put(key, value);
		if (evictions.get() != mark) {
			cache.evict(key);
		}
	}

	/**
	 * Evicts the keys now and, within a transaction, again after it commits.
	 * @param cache the cache
	 * @param keys the keys
	 */
	public static void evict(Cache cache, Object... keys) {
		nowAndAfterCommit(() -> {
			// counted first: a put that checks after this is dropped, one that checked
			// before is evicted below
			evictions(cache).incrementAndGet();
			for (Object key : keys) {
				cache.evict(key);
			}
		});
	}

	/**
	 * Empties the cache now and, within a transaction, again after it commits.
	 * @param cache the cache
	 */
	public static void clear(Cache cache) {
		nowAndAfterCommit(() -> {
			evictions(cache).incrementAndGet();
			cache.clear();
		});
	}

	private static AtomicLong evictions(Cache cache) {
		return EVICTIONS.computeIfAbsent(cache.getName(), (name) -> new AtomicLong());
	}

	private static void nowAndAfterCommit(Runnable eviction) {
		eviction.run();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					eviction.run();
				}

			});
		}
	}

}
