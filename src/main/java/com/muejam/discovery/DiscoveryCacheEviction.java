package com.muejam.discovery;

import com.muejam.core.cache.CacheNames;
import com.muejam.library.StorySaved;
import com.muejam.social.UserBlocked;
import com.muejam.stories.StoryDeleted;
import com.muejam.stories.StoryPublished;

import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Drops cached rankings as soon as the change that affects them completes, before the
 * request that made it returns: a just-shelved story must not come back from a cached For
 * You.
 *
 * <p>
 * The listeners run after completion, not after commit: Spring Modulith records every
 * after-commit listener in its event publication log, and marking that entry would take a
 * second pooled connection while the request still holds its own, which starves the pool
 * under load. An eviction needs no log (it is not worth retrying; the caches expire
 * anyway), and evicting after a rollback only costs one cache miss.
 */
@Component
class DiscoveryCacheEviction {

	private final CacheManager caches;

	private final TrendingRanking trending;

	DiscoveryCacheEviction(CacheManager caches, TrendingRanking trending) {
		this.caches = caches;
		this.trending = trending;
	}

	// a shelf add is one statement without a transaction: evicted after it
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
	void on(StorySaved saved) {
		this.caches.getCache(CacheNames.FOR_YOU).evict(saved.userId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION)
	void on(UserBlocked blocked) {
		this.caches.getCache(CacheNames.FOR_YOU).evict(blocked.blockerId());
		this.caches.getCache(CacheNames.FOR_YOU).evict(blocked.blockedId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION)
	void on(StoryPublished published) {
		this.trending.forget();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION)
	void on(StoryDeleted deleted) {
		this.trending.forget();
	}

}
