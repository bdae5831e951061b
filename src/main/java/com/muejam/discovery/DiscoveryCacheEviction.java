package com.muejam.discovery;

import com.muejam.core.cache.CacheNames;
import com.muejam.library.StorySaved;
import com.muejam.social.UserBlocked;
import com.muejam.stories.StoryDeleted;
import com.muejam.stories.StoryPublished;

import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Drops cached rankings as soon as the change that affects them commits, before the
 * request that made it returns: a just-shelved story must not come back from a cached For
 * You.
 */
@Component
class DiscoveryCacheEviction {

	private final CacheManager caches;

	DiscoveryCacheEviction(CacheManager caches) {
		this.caches = caches;
	}

	@TransactionalEventListener
	void on(StorySaved saved) {
		this.caches.getCache(CacheNames.FOR_YOU).evict(saved.userId());
	}

	@TransactionalEventListener
	void on(UserBlocked blocked) {
		this.caches.getCache(CacheNames.FOR_YOU).evict(blocked.blockerId());
		this.caches.getCache(CacheNames.FOR_YOU).evict(blocked.blockedId());
	}

	@TransactionalEventListener
	void on(StoryPublished published) {
		this.caches.getCache(CacheNames.TRENDING).clear();
	}

	@TransactionalEventListener
	void on(StoryDeleted deleted) {
		this.caches.getCache(CacheNames.TRENDING).clear();
	}

}
