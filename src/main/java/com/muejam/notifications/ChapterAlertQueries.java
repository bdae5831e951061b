package com.muejam.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.stories.StoryVisibility;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of new-chapter alerts: the alert kept per published chapter, its recipients in
 * user id order (followers of the author and readers who shelved the story, read from the
 * social and library tables), and the batch insert of their notifications, once per
 * reader and chapter by the dedupe key.
 */
@Component
class ChapterAlertQueries {

	/** Smaller than every user id: where a fan-out starts. */
	private static final UUID FIRST = new UUID(0, 0);

	private final JdbcClient jdbc;

	ChapterAlertQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps an alert for a chapter that was published or rescheduled (an alert already
	 * delivered stays as it is).
	 * @param chapterId the chapter
	 * @param storyId its story
	 * @param liveAt when it goes live
	 * @param now the time
	 */
	void schedule(UUID chapterId, UUID storyId, Instant liveAt, Instant now) {
		this.jdbc
			.sql("""
					insert into chapter_alerts (chapter_id, story_id, author_id, live_at, created_at)
					select :chapter, s.id, s.author_id, :liveAt, :now from stories s where s.id = :story
					on conflict (chapter_id) do update set live_at = excluded.live_at where chapter_alerts.done_at is null""")
			.param("chapter", chapterId)
			.param("story", storyId)
			.param("liveAt", Timestamp.from(liveAt))
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Alerts whose chapter's time has come and whose fan-out is not finished, oldest
	 * first.
	 * @param now the time
	 * @param limit how many
	 * @return the alerts
	 */
	List<Alert> due(Instant now, int limit) {
		return this.jdbc.sql("""
				select chapter_id, story_id, author_id, after_user_id from chapter_alerts
				where done_at is null and live_at <= :now order by live_at, chapter_id limit :limit""")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, n) -> new Alert(rs.getObject("chapter_id", UUID.class), rs.getObject("story_id", UUID.class),
					rs.getObject("author_id", UUID.class), rs.getObject("after_user_id", UUID.class)))
			.list();
	}

	/**
	 * Whether an alert's chapter can be read now, will perhaps be later (its story is not
	 * published yet, or a moderator hid it), or never will (deleted or unpublished).
	 * @param chapterId the chapter
	 * @return its state
	 */
	ChapterState state(UUID chapterId) {
		return this.jdbc
			.sql("""
					select case when %s then 'LIVE'
					            when c.deleted_at is not null or s.deleted_at is not null or not c.published then 'GONE'
					            else 'WAITING' end
					from chapters c join stories s on s.id = c.story_id where c.id = :chapter"""
				.formatted(StoryVisibility.VISIBLE_CHAPTER_SQL))
			.param("chapter", chapterId)
			.query(String.class)
			.optional()
			.map(ChapterState::valueOf)
			.orElse(ChapterState.GONE);
	}

	/**
	 * The next recipients after the alert's place, in user id order: followers of the
	 * author and readers who have the story on a shelf (each branch reads only a batch
	 * from its index).
	 * @param alert the alert
	 * @param batch how many
	 * @return their ids, ascending
	 */
	List<UUID> recipients(Alert alert, int batch) {
		return this.jdbc.sql("""
				select user_id from (
				    (select f.follower_id as user_id from follows f
				     where f.following_id = :author and f.follower_id > :after order by f.follower_id limit :batch)
				    union
				    (select sh.user_id from shelf_items si join shelves sh on sh.id = si.shelf_id
				     where si.story_id = :story and sh.user_id > :after order by sh.user_id limit :batch)) r
				order by user_id limit :batch""")
			.param("author", alert.authorId())
			.param("story", alert.storyId())
			.param("after", (alert.afterUserId() != null) ? alert.afterUserId() : FIRST)
			.param("batch", batch)
			.query(UUID.class)
			.list();
	}

	/**
	 * Notifies recipients of a new chapter in one statement, leaving out the author,
	 * deleted accounts, anyone in a block with the author either way, and anyone already
	 * notified of this chapter.
	 * @param alert the alert
	 * @param recipients who to notify
	 * @param now the time
	 * @return the notifications created
	 */
	List<Created> notify(Alert alert, List<UUID> recipients, Instant now) {
		return this.jdbc
			.sql("""
					insert into notifications (user_id, type, actor_id, story_id, chapter_id, dedupe_key, created_at)
					select r.user_id, 'NEW_CHAPTER', :author, :story, :chapter, 'new_chapter:' || :chapter || ':' || r.user_id,
					       :now
					from unnest(cast(:recipients as uuid[])) r(user_id)
					join user_profiles u on u.id = r.user_id and u.deleted_at is null
					where r.user_id <> :author
					  and not exists (select 1 from blocks b
					                  where (b.blocker_id = r.user_id and b.blocked_id = :author)
					                     or (b.blocker_id = :author and b.blocked_id = r.user_id))
					on conflict (dedupe_key) do nothing
					returning id, user_id""")
			.param("author", alert.authorId())
			.param("story", alert.storyId())
			.param("chapter", alert.chapterId())
			.param("recipients", recipients.toArray(UUID[]::new))
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Created(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class)))
			.list();
	}

	/**
	 * Moves an alert's place past a delivered batch, in the batch's transaction.
	 * @param chapterId the alert's chapter
	 * @param last the batch's last recipient
	 * @param notified how many were notified
	 */
	void advance(UUID chapterId, UUID last, int notified) {
		this.jdbc.sql("""
				update chapter_alerts set after_user_id = :last, notified = notified + :notified
				where chapter_id = :chapter""")
			.param("chapter", chapterId)
			.param("last", last)
			.param("notified", notified)
			.update();
	}

	void finish(UUID chapterId, Instant now) {
		this.jdbc.sql("update chapter_alerts set done_at = :now where chapter_id = :chapter")
			.param("chapter", chapterId)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Those among the recipients who asked for new-chapter emails.
	 * @param userIds the recipients
	 * @return who wants the email
	 */
	List<UUID> wantingEmail(List<UUID> userIds) {
		return this.jdbc
			.sql("select user_id from notification_settings where user_id = any(:users) and email_new_chapter")
			.param("users", userIds.toArray(UUID[]::new))
			.query(UUID.class)
			.list();
	}

	/**
	 * A chapter's alert and how far its fan-out got.
	 *
	 * @param chapterId the chapter
	 * @param storyId its story
	 * @param authorId the story's author
	 * @param afterUserId the last recipient delivered to, or {@code null} before the
	 * first batch
	 */
	record Alert(UUID chapterId, UUID storyId, UUID authorId, @Nullable UUID afterUserId) {
	}

	/**
	 * @param id the notification
	 * @param userId its recipient
	 */
	record Created(UUID id, UUID userId) {
	}

	enum ChapterState {

		LIVE, WAITING, GONE

	}

}
