package com.muejam.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of stream tickets, which are stored only as hashes.
 */
@Component
final class TicketQueries {

	private final JdbcClient jdbc;

	TicketQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Forgets tickets that expired more than an hour ago.
	 */
	void deleteLongExpired() {
		this.jdbc.sql("delete from stream_tickets where expires_at < now() - interval '1 hour'").update();
	}

	void insert(String hash, UUID userId, Instant expiresAt) {
		this.jdbc.sql("insert into stream_tickets (ticket_hash, user_id, expires_at) values (:hash, :user, :expires)")
			.param("hash", hash)
			.param("user", userId)
			.param("expires", Timestamp.from(expiresAt))
			.update();
	}

	/**
	 * Uses an unexpired ticket; its first use extends it to {@code reconnectsUntil}.
	 * @param hash the ticket's hash
	 * @param reconnectsUntil the end of the reconnect window, should this be the first
	 * use
	 * @return whose ticket it is, empty when unknown or expired
	 */
	Optional<UUID> redeem(String hash, Instant reconnectsUntil) {
		return this.jdbc.sql("""
				update stream_tickets
				set expires_at = case when used_at is null then :reconnectsUntil else expires_at end,
					used_at = coalesce(used_at, now())
				where ticket_hash = :hash and expires_at > now() returning user_id""")
			.param("hash", hash)
			.param("reconnectsUntil", Timestamp.from(reconnectsUntil))
			.query(UUID.class)
			.optional();
	}

}
