package com.muejam.notifications;

import com.muejam.users.UserDeleted;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A purged account's notifications, the emails about them, its email settings and stream
 * tickets go.
 */
@Component
class NotificationCleanup {

	private final NotificationQueries queries;

	NotificationCleanup(NotificationQueries queries) {
		this.queries = queries;
	}

	@ApplicationModuleListener
	void on(UserDeleted event) {
		this.queries.deleteAllOf(event.userId());
	}

}
