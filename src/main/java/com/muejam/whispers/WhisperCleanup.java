package com.muejam.whispers;

import com.muejam.users.UserDeleted;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A deleted account's whispers are soft-deleted with it.
 */
@Component
class WhisperCleanup {

	private final WhisperQueries queries;

	WhisperCleanup(WhisperQueries queries) {
		this.queries = queries;
	}

	@ApplicationModuleListener
	void on(UserDeleted event) {
		this.queries.markDeletedByUser(event.userId());
	}

}
