package com.muejam.core.cache;

import org.springframework.cache.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Evictions made by a writer inside its transaction, made once more after it commits. A
 * read that starts before the commit still sees the old rows, and may put them back after
 * the first eviction; the second removes them once the change is visible to every read
 * that follows. Outside a transaction, an eviction is made once.
 */
public final class CacheEvictions {

	private CacheEvictions() {
	}

	/**
	 * Evicts the keys now and, within a transaction, again after it commits.
	 * @param cache the cache
	 * @param keys the keys
	 */
	public static void evict(Cache cache, Object... keys) {
		nowAndAfterCommit(() -> {
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
		nowAndAfterCommit(cache::clear);
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
