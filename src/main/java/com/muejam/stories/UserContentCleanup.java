package com.muejam.stories;

import java.time.Clock;

import com.muejam.users.AccountDeactivated;
import com.muejam.users.AccountRestored;
import com.muejam.users.UserDeleted;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When an account is deleted, its stories go with it (soft-deleted, like an author's own
 * deletion), and the tag counts follow; a rare event, so every cached story and chapter
 * is dropped rather than found.
 */
@Component
class UserContentCleanup {

	private final AccountStoryQueries queries;

	private final TagStore tags;

	private final StoryCatalog catalog;

	private final Clock clock;

	UserContentCleanup(AccountStoryQueries queries, TagStore tags, StoryCatalog catalog, Clock clock) {
		this.queries = queries;
		this.tags = tags;
		this.catalog = catalog;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(UserDeleted event) {
		this.tags.recount(this.queries.deleteAllBy(event.userId(), this.clock.instant()));
		this.catalog.forgetAll();
	}

	/**
	 * An author deleted their account: their stories go at once, in the same transaction,
	 * marked with the account's deletion time.
	 */
	@EventListener
	void on(AccountDeactivated event) {
		this.tags.recount(this.queries.deleteAllBy(event.userId(), event.at()));
		this.catalog.forgetAll();
	}

	/**
	 * An author restored their account: the stories that went with it come back (not
	 * those they had deleted themselves).
	 */
	@EventListener
	void on(AccountRestored event) {
		this.tags.recount(this.queries.restoreAllBy(event.userId(), event.deactivatedAt()));
		this.catalog.forgetAll();
	}

}
