package com.muejam.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.pagination.Keyset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of in-app notifications: creating one once per dedupe key, the recipient's
 * pages, what a reconnecting stream missed, read marks, and the email settings.
 */
@Component
final class NotificationQueries {

	private static final String COLUMNS = "id, type, actor_id, whisper_id, story_id, chapter_id, export_id, read_at, created_at";

	private final JdbcClient jdbc;

	NotificationQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts a notification unless one with its dedupe key exists.
	 * @return the new notification's id, empty when the key was taken
	 */
	Optional<UUID> insertOnce(UUID recipientId, NotificationType type, UUID actorId, @Nullable UUID whisperId,
			String dedupeKey, Instant now) {
		return this.jdbc.sql("""
				insert into notifications (user_id, type, actor_id, whisper_id, dedupe_key, created_at)
				values (:user, :type, :actor, :whisper, :key, :now)
				on conflict (dedupe_key) do nothing returning id""")
			.param("user", recipientId)
			.param("type", type.name())
			.param("actor", actorId)
			.param("whisper", whisperId)
			.param("key", dedupeKey)
			.param("now", Timestamp.from(now))
			.query(UUID.class)
			.optional();
	}

	/**
	 * Tells a user their data export is ready, once per export.
	 * @param userId the user (also the actor: nobody else did anything)
	 * @param exportId the export
	 * @param now the moment
	 * @return the new notification, empty when it was already there
	 */
	Optional<UUID> insertExportReady(UUID userId, UUID exportId, Instant now) {
		return this.jdbc.sql("""
				insert into notifications (user_id, type, actor_id, export_id, dedupe_key, created_at)
				values (:user, 'DATA_EXPORT_READY', :user, :export, 'export:' || :export, :now)
				on conflict (dedupe_key) do nothing returning id""")
			.param("user", userId)
			.param("export", exportId)
			.param("now", Timestamp.from(now))
			.query(UUID.class)
			.optional();
	}

	/**
	 * A page of a user's notifications, newest first.
	 * @param userId the recipient
	 * @param after the position to continue after, or {@code null}
	 * @param limit rows to fetch
	 * @return the notifications
	 */
	List<Row> page(UUID userId, @Nullable Keyset after, int limit) {
		return this.jdbc
			.sql("""
					select %s from notifications where user_id = :user %s
					order by created_at desc, id desc limit :limit""".formatted(COLUMNS,
					Keyset.seekDescending(after, "created_at, id")))
			.param("user", userId)
			.param("limit", limit)
			.params(Keyset.params(after))
			.query(NotificationQueries::row)
			.list();
	}

	/**
	 * The notifications created after a given one of the same user, oldest first.
	 * @param userId the recipient
	 * @param lastId the last notification seen
	 * @return up to 100 notifications
	 */
	List<Row> createdAfter(UUID userId, UUID lastId) {
		return this.jdbc
			.sql("""
					select n.id, n.type, n.actor_id, n.whisper_id, n.story_id, n.chapter_id, n.export_id, n.read_at, n.created_at
					from notifications n
					join notifications last on last.id = :last and last.user_id = n.user_id
					where n.user_id = :user and (n.created_at, n.id) > (last.created_at, last.id)
					order by n.created_at, n.id limit 100""")
			.param("user", userId)
			.param("last", lastId)
			.query(NotificationQueries::row)
			.list();
	}

	/**
	 * Marks a user's notification read, keeping an earlier read time.
	 * @return the notification, empty when the user has no such notification
	 */
	Optional<Row> markRead(UUID userId, UUID notificationId, Instant now) {
		return this.jdbc.sql("""
				update notifications set read_at = coalesce(read_at, :now) where id = :id and user_id = :user
				returning %s""".formatted(COLUMNS))
			.param("now", Timestamp.from(now))
			.param("id", notificationId)
			.param("user", userId)
			.query(NotificationQueries::row)
			.optional();
	}

	/**
	 * Marks all of a user's unread notifications read.
	 * @return how many were unread
	 */
	int markAllRead(UUID userId, Instant now) {
		return this.jdbc.sql("update notifications set read_at = :now where user_id = :user and read_at is null")
			.param("now", Timestamp.from(now))
			.param("user", userId)
			.update();
	}

	long countUnread(UUID userId) {
		return this.jdbc.sql("select count(*) from notifications where user_id = :user and read_at is null")
			.param("user", userId)
			.query(Long.class)
			.single();
	}

	/**
	 * A user's saved email settings.
	 * @return the settings, empty when never saved
	 */
	Optional<NotificationSettings> settings(UUID userId) {
		return this.jdbc
			.sql("select email_reply, email_follow, email_new_chapter from notification_settings where user_id = :user")
			.param("user", userId)
			.query((rs, n) -> new NotificationSettings(rs.getBoolean("email_reply"), rs.getBoolean("email_follow"),
					rs.getBoolean("email_new_chapter")))
			.optional();
	}

	void upsertSettings(UUID userId, NotificationSettings settings) {
		this.jdbc.sql("""
				insert into notification_settings (user_id, email_reply, email_follow, email_new_chapter, updated_at)
				values (:user, :reply, :follow, :newChapter, now())
				on conflict (user_id) do update set email_reply = excluded.email_reply,
				    email_follow = excluded.email_follow, email_new_chapter = excluded.email_new_chapter,
				    updated_at = excluded.updated_at""")
			.param("user", userId)
			.param("reply", settings.emailReply())
			.param("follow", settings.emailFollow())
			.param("newChapter", Boolean.TRUE.equals(settings.emailNewChapter()))
			.update();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), NotificationType.valueOf(rs.getString("type")),
				rs.getObject("actor_id", UUID.class), rs.getObject("whisper_id", UUID.class),
				rs.getObject("story_id", UUID.class), rs.getObject("chapter_id", UUID.class),
				rs.getObject("export_id", UUID.class),
				(rs.getTimestamp("read_at") != null) ? rs.getTimestamp("read_at").toInstant() : null,
				rs.getTimestamp("created_at").toInstant());
	}

	/**
	 * A notification as stored, its actor not yet resolved.
	 *
	 * @param id the notification
	 * @param type what happened
	 * @param actorId who did it
	 * @param whisperId the reply, for {@code REPLY}
	 * @param readAt when it was read, or {@code null}
	 * @param createdAt when it was created
	 */
	record Row(UUID id, NotificationType type, UUID actorId, @Nullable UUID whisperId, @Nullable UUID storyId,
			@Nullable UUID chapterId, @Nullable UUID exportId, @Nullable Instant readAt, Instant createdAt) {
	}

	/**
	 * Forgets what an account was told and how: its notifications, the emails about them
	 * (which hold its address), its email settings and stream tickets.
	 * @param userId the account
	 */
	void deleteAllOf(UUID userId) {
		this.jdbc.sql("""
				with settings as (delete from notification_settings where user_id = :user),
				     tickets as (delete from stream_tickets where user_id = :user),
				     emails as (delete from email_outbox
				                where notification_id in (select id from notifications where user_id = :user))
				delete from notifications where user_id = :user""").param("user", userId).update();
	}

}
