package com.muejam.stories;

import com.muejam.core.cache.CacheNames;
import com.muejam.users.UserDeleted;

import org.springframework.cache.CacheManager;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When an account is deleted, its stories go with it (soft-deleted, like an author's own
 * deletion), and the tag counts follow.
 */
@Component
class UserContentCleanup {

	private final StoryQueries queries;

	private final TagStore tags;

	private final CacheManager caches;

	UserContentCleanup(StoryQueries queries, TagStore tags, CacheManager caches) {
		this.queries = queries;
		this.tags = tags;
		this.caches = caches;
	}

	@ApplicationModuleListener
	void on(UserDeleted event) {
		this.tags.recount(this.queries.deleteAllBy(event.userId()));
		// a rare event: dropping every cached story is simpler than finding the author's
		// slugs
		this.caches.getCache(CacheNames.STORIES).clear();
	}

}
