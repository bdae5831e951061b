package com.muejam.support;

import java.time.Duration;

import org.awaitility.Awaitility;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits until what the requests so far set going off the request path has run: no
 * publication in Spring Modulith's event registry is incomplete, and discovery's signal
 * inbox is empty (every signal counted).
 */
public final class EventsHandled {

	private EventsHandled() {
	}

	public static void await(JdbcClient jdbc) {
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
				select (select count(*) from event_publication where completion_date is null)
				     + (select count(*) from signal_inbox)""").query(Long.class).single() == 0);
	}

}
