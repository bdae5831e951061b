package com.muejam.users;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.muejam.core.visibility.Rating;
import com.muejam.core.visibility.ReaderPreferences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of readers' preferences ({@code reader_preferences}: a row only for a reader
 * who changed a default).
 */
@Component
class PreferenceQueries {

	private final JdbcClient jdbc;

	PreferenceQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	ReaderPreferences find(UUID userId) {
		return this.jdbc.sql("""
				select max_rating, muted_tags, hide_read_by_default from reader_preferences where user_id = :user""")
			.param("user", userId)
			.query((rs, n) -> preferences(rs))
			.optional()
			.orElse(ReaderPreferences.ANONYMOUS);
	}

	void save(UUID userId, ReaderPreferences preferences, Instant now) {
		this.jdbc.sql("""
				insert into reader_preferences (user_id, max_rating, muted_tags, hide_read_by_default, updated_at)
				values (:user, :rating, :muted, :hideRead, :now)
				on conflict (user_id) do update set max_rating = excluded.max_rating, muted_tags = excluded.muted_tags,
				  hide_read_by_default = excluded.hide_read_by_default, updated_at = excluded.updated_at""")
			.param("user", userId)
			.param("rating", preferences.maxRating().wire())
			.param("muted", preferences.mutedTags().stream().sorted().toArray(String[]::new))
			.param("hideRead", preferences.hideReadByDefault())
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Reads the columns {@code max_rating}, {@code muted_tags} and
	 * {@code hide_read_by_default} of a row, all {@code null} (an outer join without a
	 * row) meaning the defaults.
	 * @param rs the row
	 * @return the preferences
	 * @throws SQLException if the columns cannot be read
	 */
	static ReaderPreferences preferences(ResultSet rs) throws SQLException {
		String rating = rs.getString("max_rating");
		if (rating == null) {
			return ReaderPreferences.ANONYMOUS;
		}
		Array muted = rs.getArray("muted_tags");
		return new ReaderPreferences(Rating.fromWire(rating),
				(muted != null) ? Set.of((String[]) muted.getArray()) : Set.of(),
				rs.getBoolean("hide_read_by_default"));
	}

	/**
	 * Forgets an account's reading preferences.
	 * @param userId the account
	 */
	void deleteFor(UUID userId) {
		this.jdbc.sql("delete from reader_preferences where user_id = :user").param("user", userId).update();
	}

	/**
	 * Whether PostgreSQL knows a time zone by this name.
	 * @param zone the name
	 * @return {@code true} if it can place times in it
	 */
	boolean knowsTimezone(String zone) {
		return this.jdbc.sql("select exists (select 1 from pg_timezone_names where name = :zone)")
			.param("zone", zone)
			.query(Boolean.class)
			.single();
	}

}
