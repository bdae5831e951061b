package com.muejam.whispers;

import com.muejam.users.UserDeleted;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A deleted account's whispers are soft-deleted with it.
 */
@Component
class WhisperCleanup {

	private final JdbcClient jdbc;

	WhisperCleanup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(UserDeleted event) {
		this.jdbc.sql("update whispers set deleted_at = now() where user_id = :user and deleted_at is null")
			.param("user", event.userId())
			.update();
	}

}
