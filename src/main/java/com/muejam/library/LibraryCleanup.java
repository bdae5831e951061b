package com.muejam.library;

import com.muejam.users.UserDeleted;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A purged account's reading goes: its progress, bookmarks, chapter reads and shelves.
 */
@Component
class LibraryCleanup {

	private final ReadingQueries reading;

	private final ShelfQueries shelves;

	LibraryCleanup(ReadingQueries reading, ShelfQueries shelves) {
		this.reading = reading;
		this.shelves = shelves;
	}

	@ApplicationModuleListener
	void on(UserDeleted event) {
		this.reading.deleteAllOf(event.userId());
		this.shelves.deleteAllOf(event.userId());
	}

}
