package com.muejam.core.cache;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value read before a change must not stay cached after it: evictions are made again
 * after commit, and a put whose read began before an eviction is dropped.
 */
class CacheEvictionsTests {

	private final ConcurrentMapCache cache = new ConcurrentMapCache("evictions-tests");

	@AfterEach
	void endSynchronization() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void aValueReadWithNoEvictionSinceIsPut() {
		long mark = CacheEvictions.mark(this.cache);
		CacheEvictions.putUnlessEvicted(this.cache, "story", "read", mark);
		assertThat(this.cache.get("story", String.class)).isEqualTo("read");
	}

	@Test
	void aValueReadBeforeAnEvictionIsNotPut() {
		AtomicInteger puts = new AtomicInteger();
		ConcurrentMapCache counting = new ConcurrentMapCache("evictions-tests-counting") {

			@Override
			public void put(Object key, Object value) {
				puts.incrementAndGet();
				super.put(key, value);
			}

		};
		long mark = CacheEvictions.mark(counting);
		CacheEvictions.evict(counting, "story");
		CacheEvictions.putUnlessEvicted(counting, "story", "read before the change", mark);
		assertThat(counting.get("story")).isNull();
		assertThat(puts).as("not even written for a moment").hasValue(0);
	}

	@Test
	void aValueReadBeforeACommitIsNotPutAfterIt() {
		TransactionSynchronizationManager.initSynchronization();
		CacheEvictions.evict(this.cache, "story");
		// a reader starts after the writer's first eviction and reads the old rows
		long mark = CacheEvictions.mark(this.cache);
		this.cache.put("story", "put before the commit");
		TransactionSynchronizationUtils.triggerAfterCommit();
		assertThat(this.cache.get("story")).as("evicted again after the commit").isNull();
		CacheEvictions.putUnlessEvicted(this.cache, "story", "put after the commit", mark);
		assertThat(this.cache.get("story")).isNull();
	}

	@Test
	void aPutOvertakenByAnEvictionIsUndone() {
		ConcurrentMapCache racing = new ConcurrentMapCache("evictions-tests-racing") {

			@Override
			public void put(Object key, Object value) {
				super.put(key, value);
				// a writer's eviction lands between the check and the put's end
				CacheEvictions.evict(this, "another key");
			}

		};
		long mark = CacheEvictions.mark(racing);
		CacheEvictions.putUnlessEvicted(racing, "story", "read before the change", mark);
		assertThat(racing.get("story")).isNull();
	}

}
