package com.muejam.stories;

import java.time.Clock;

import com.muejam.core.cache.CacheEvictions;
import com.muejam.core.cache.CacheNames;
import com.muejam.users.AccountDeactivated;
import com.muejam.users.AccountRestored;
import com.muejam.users.UserDeleted;

import org.springframework.cache.CacheManager;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When an account is deleted, its stories go with it (soft-deleted, like an author's own
 * deletion), and the tag counts follow.
 */
@Component
class UserContentCleanup {

	private final AccountStoryQueries queries;

	private final TagStore tags;

	private final CacheManager caches;

	private final ChapterCache chapters;

	private final Clock clock;

	UserContentCleanup(AccountStoryQueries queries, TagStore tags, CacheManager caches, ChapterCache chapters,
			Clock clock) {
		this.queries = queries;
		this.tags = tags;
		this.caches = caches;
		this.chapters = chapters;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(UserDeleted event) {
		this.tags.recount(this.queries.deleteAllBy(event.userId(), this.clock.instant()));
		forgetCachedStories();
	}

	/**
	 * An author deleted their account: their stories go at once, in the same transaction,
	 * marked with the account's deletion time.
	 */
	@EventListener
	void on(AccountDeactivated event) {
		this.tags.recount(this.queries.deleteAllBy(event.userId(), event.at()));
		forgetCachedStories();
	}

	/**
	 * An author restored their account: the stories that went with it come back (not
	 * those they had deleted themselves).
	 */
	@EventListener
	void on(AccountRestored event) {
		this.tags.recount(this.queries.restoreAllBy(event.userId(), event.deactivatedAt()));
		forgetCachedStories();
	}

	private void forgetCachedStories() {
		// a rare event: dropping every cached story and chapter is simpler than finding
		// the author's stories and chapters
		CacheEvictions.clear(this.caches.getCache(CacheNames.STORIES));
		this.chapters.clear();
	}

}
