package com.muejam.highlights;

import com.muejam.users.UserDeleted;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A purged account's highlights go, but for those a whisper is about.
 */
@Component
class HighlightCleanup {

	private final HighlightQueries queries;

	HighlightCleanup(HighlightQueries queries) {
		this.queries = queries;
	}

	@ApplicationModuleListener
	void on(UserDeleted event) {
		this.queries.deleteAllOf(event.userId());
	}

}
