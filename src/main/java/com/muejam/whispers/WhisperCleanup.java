package com.muejam.whispers;

import java.time.Clock;

import com.muejam.users.AccountDeactivated;
import com.muejam.users.AccountRestored;
import com.muejam.users.UserDeleted;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A deleted account's whispers are soft-deleted with it: at once, in the deletion's
 * transaction, when the owner deletes it (and back when they restore it); after the fact
 * when Clerk tells us.
 */
@Component
class WhisperCleanup {

	private final WhisperQueries queries;

	private final Clock clock;

	WhisperCleanup(WhisperQueries queries, Clock clock) {
		this.queries = queries;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(UserDeleted event) {
		this.queries.markDeletedByUser(event.userId(), this.clock.instant());
	}

	@EventListener
	void on(AccountDeactivated event) {
		this.queries.markDeletedByUser(event.userId(), event.at());
	}

	@EventListener
	void on(AccountRestored event) {
		this.queries.restoreDeletedByUser(event.userId(), event.deactivatedAt());
	}

}
