package com.muejam.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.stories.StoryVisibility;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of digests: which readers are due (their latest 08:00, or Monday 08:00, in
 * their time zone, computed by PostgreSQL's time zone rules, so a DST change moves it
 * with the clocks), what their digest gathers, and up to when their digests have covered.
 */
@Component
class DigestQueries {

	/** A reader's latest digest moment at or before {@code :now}, as a timestamptz. */
	private static final String BOUNDARY = """
			(date_trunc(case when u.digest = 'daily' then 'day' else 'week' end,
			    (cast(:now as timestamptz) at time zone u.timezone) - interval '8 hours') + interval '8 hours')
			    at time zone u.timezone""";

	private final JdbcClient jdbc;

	DigestQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Readers whose digest moment passed since their digests last covered, in id order.
	 * @param now the moment
	 * @param limit the most to return
	 * @return the due readers
	 */
	List<DueReader> due(Instant now, int limit) {
		return this.jdbc.sql("""
				select u.id, u.email, u.digest, u.digest_since, b.boundary,
				       cast(b.boundary at time zone u.timezone as date) as local_day, d.covered_until
				from user_profiles u
				cross join lateral (select %s as boundary) b
				left join digest_runs d on d.user_id = u.id
				where u.digest <> 'off' and u.deleted_at is null and u.email is not null
				and (d.covered_until is null or d.covered_until < b.boundary)
				order by u.id limit :limit""".formatted(BOUNDARY))
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, n) -> new DueReader(rs.getObject("id", UUID.class), rs.getString("email"),
					rs.getString("digest"), rs.getTimestamp("boundary").toInstant(),
					rs.getObject("local_day", LocalDate.class), instant(rs, "covered_until"),
					instant(rs, "digest_since")))
			.list();
	}

	/**
	 * Moves a reader's coverage forward to a digest moment, unless it is there already
	 * (another instance got there first: it waits for that one's commit, then finds
	 * nothing to do).
	 * @return {@code true} if this caller moved it, and so sends the digest
	 */
	boolean cover(UUID userId, Instant until) {
		return this.jdbc.sql("""
				insert into digest_runs (user_id, covered_until) values (:user, :until)
				on conflict (user_id) do update set covered_until = excluded.covered_until
				where digest_runs.covered_until < excluded.covered_until""")
			.param("user", userId)
			.param("until", Timestamp.from(until))
			.update() == 1;
	}

	/**
	 * What a reader's digest gathers: their notifications of the types it covers whose
	 * email they have on, in a window, oldest first; not those whose actor has since
	 * deleted their account or whose story readers can no longer see.
	 */
	List<DigestItem> items(UUID userId, Instant after, Instant until) {
		return this.jdbc.sql("""
				select n.type, a.display_name as actor, s.title as story_title
				from notifications n
				join user_profiles a on a.id = n.actor_id and a.deleted_at is null
				left join stories s on s.id = n.story_id
				left join notification_settings ns on ns.user_id = n.user_id
				where n.user_id = :user and n.created_at > :after and n.created_at <= :until
				and (n.story_id is null or %s)
				and ((n.type = 'REPLY' and coalesce(ns.email_reply, true))
				     or (n.type = 'FOLLOW' and coalesce(ns.email_follow, true))
				     or (n.type = 'NEW_CHAPTER' and coalesce(ns.email_new_chapter, false)))
				order by n.created_at, n.id""".formatted(StoryVisibility.VISIBLE_STORY_SQL))
			.param("user", userId)
			.param("after", Timestamp.from(after))
			.param("until", Timestamp.from(until))
			.query((rs, n) -> new DigestItem(NotificationType.valueOf(rs.getString("type")), rs.getString("actor"),
					rs.getString("story_title")))
			.list();
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * A reader due a digest.
	 *
	 * @param userId the reader
	 * @param email their address
	 * @param digest {@code daily} or {@code weekly}
	 * @param boundary the digest moment
	 * @param localDay its day in the reader's time zone
	 * @param coveredUntil up to when their digests covered, or {@code null} before the
	 * first
	 * @param digestSince when they last switched the digest on, or {@code null}
	 */
	record DueReader(UUID userId, String email, String digest, Instant boundary, LocalDate localDay,
			@Nullable Instant coveredUntil, @Nullable Instant digestSince) {

		/**
		 * Where the digest's window starts: after the last digest (or a period before
		 * this one), and never before the digest was switched on.
		 * @param period the digest's period
		 * @return the window's (excluded) start
		 */
		Instant after(Duration period) {
			Instant after = (this.coveredUntil != null) ? this.coveredUntil : this.boundary.minus(period);
			return (this.digestSince != null && this.digestSince.isAfter(after)) ? this.digestSince : after;
		}

	}

	/**
	 * One line of a digest.
	 *
	 * @param type what happened
	 * @param actor who did it
	 * @param storyTitle the story, for a new chapter
	 */
	record DigestItem(NotificationType type, String actor, @Nullable String storyTitle) {
	}

}
