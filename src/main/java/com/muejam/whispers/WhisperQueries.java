package com.muejam.whispers;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.pagination.Keyset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of whispers: lookups by id, keyset-paginated feeds and threads in one statement
 * each, the viewer's likes for a whole page at once, and the writes (whispers, replies,
 * likes, counters, deletion and hiding).
 */
@Component
class WhisperQueries {

	/** A whisper anyone may see: neither deleted nor hidden. */
	private static final String VISIBLE = "w.deleted_at is null and w.hidden_at is null";

	private static final String IN_GLOBAL_FEED = "w.scope = :target";

	private static final String ON_STORY = "w.story_id = :target";

	private static final String ON_HIGHLIGHT = "w.highlight_id = :target";

	private final JdbcClient jdbc;

	WhisperQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A whisper as stored, deleted and hidden ones included.
	 * @param whisperId the whisper
	 * @return its row, empty if there is none
	 */
	Optional<WhisperRow> byId(UUID whisperId) {
		return this.jdbc.sql("""
				select %s from whispers w where w.id = :id""".formatted(WhisperRow.COLUMNS))
			.param("id", whisperId)
			.query(WhisperRow::map)
			.optional();
	}

	/**
	 * A page of a feed's visible root whispers, newest first.
	 * @param scope which feed
	 * @param target the scope name (global feed), the story or the highlight
	 * @param hiddenAuthors authors to leave out (blocked either way, muted)
	 * @param after the position to continue after, or {@code null} for the first page
	 * @param limit rows to fetch
	 * @return the rows
	 */
	List<WhisperRow> feedPage(Scope scope, Object target, Set<UUID> hiddenAuthors, @Nullable Keyset after, int limit) {
		String where = switch (scope) {
			case GLOBAL -> IN_GLOBAL_FEED;
			case STORY -> ON_STORY;
			case HIGHLIGHT -> ON_HIGHLIGHT;
		};
		return page(
				"""
						select %s from whispers w where %s and w.parent_id is null and %s and w.user_id <> all(:hidden) %s
						order by w.created_at desc, w.id desc limit :limit"""
					.formatted(WhisperRow.COLUMNS, where, VISIBLE, Keyset.seekDescending(after, "w.created_at, w.id")),
				target, hiddenAuthors, after, limit);
	}

	/**
	 * A page of a thread's visible replies, oldest first.
	 * @param rootId the thread's root
	 * @param hiddenAuthors authors to leave out (blocked either way, muted)
	 * @param after the position to continue after, or {@code null} for the first page
	 * @param limit rows to fetch
	 * @return the rows
	 */
	List<WhisperRow> repliesPage(UUID rootId, Set<UUID> hiddenAuthors, @Nullable Keyset after, int limit) {
		return page("""
				select %s from whispers w where w.parent_id = :target and %s and w.user_id <> all(:hidden) %s
				order by w.created_at, w.id limit :limit""".formatted(WhisperRow.COLUMNS, VISIBLE,
				Keyset.seekAscending(after, "w.created_at, w.id")), rootId, hiddenAuthors, after, limit);
	}

	private List<WhisperRow> page(String sql, Object target, Set<UUID> hiddenAuthors, @Nullable Keyset after,
			int limit) {
		return this.jdbc.sql(sql)
			.param("target", target)
			.param("hidden", hiddenAuthors.toArray(UUID[]::new))
			.param("limit", limit)
			.params(Keyset.params(after))
			.query(WhisperRow::map)
			.list();
	}

	/**
	 * Which of these whispers a user liked, in one statement.
	 * @param userId the user
	 * @param whisperIds the whispers
	 * @return the liked ones
	 */
	List<UUID> likedBy(UUID userId, List<UUID> whisperIds) {
		return this.jdbc.sql("select whisper_id from whisper_likes where user_id = :user and whisper_id = any(:ids)")
			.param("user", userId)
			.param("ids", whisperIds.toArray(UUID[]::new))
			.query(UUID.class)
			.list();
	}

	/**
	 * Stores a new whisper or reply.
	 * @param whisper the whisper, its counters zero
	 * @param inReplyToId the whisper a reply answers (its parent is the thread's root),
	 * or {@code null}
	 */
	void insert(WhisperRow whisper, @Nullable UUID inReplyToId) {
		this.jdbc
			.sql("""
					insert into whispers (id, user_id, content, media_key, scope, story_id, highlight_id, parent_id, in_reply_to_id, created_at)
					values (:id, :user, :content, :media, :scope, :story, :highlight, :parent, :inReplyTo, :now)""")
			.param("id", whisper.id())
			.param("user", whisper.userId())
			.param("content", whisper.content())
			.param("media", whisper.mediaKey())
			.param("scope", whisper.scope().name())
			.param("story", whisper.storyId())
			.param("highlight", whisper.highlightId())
			.param("parent", whisper.parentId())
			.param("inReplyTo", inReplyToId)
			.param("now", Timestamp.from(whisper.createdAt()))
			.update();
	}

	void incrementReplyCount(UUID rootId) {
		this.jdbc.sql("update whispers set reply_count = reply_count + 1 where id = :root")
			.param("root", rootId)
			.update();
	}

	/**
	 * Takes one off a thread's reply count, never below zero.
	 * @param rootId the thread's root
	 */
	void decrementReplyCount(UUID rootId) {
		this.jdbc.sql("update whispers set reply_count = reply_count - 1 where id = :root and reply_count > 0")
			.param("root", rootId)
			.update();
	}

	void markDeleted(UUID whisperId, Instant now) {
		this.jdbc.sql("update whispers set deleted_at = :now where id = :id")
			.param("now", Timestamp.from(now))
			.param("id", whisperId)
			.update();
	}

	/**
	 * Soft-deletes every whisper of an account that is not deleted yet.
	 * @param userId the account
	 * @param at the deletion time
	 */
	void markDeletedByUser(UUID userId, Instant at) {
		this.jdbc.sql("update whispers set deleted_at = :at where user_id = :user and deleted_at is null")
			.param("user", userId)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * Brings back the whispers of an account deleted with it, and only those.
	 * @param userId the account
	 * @param at when the account was deleted
	 */
	void restoreDeletedByUser(UUID userId, Instant at) {
		this.jdbc.sql("update whispers set deleted_at = null where user_id = :user and deleted_at = :at")
			.param("user", userId)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * Hides a whisper, keeping the first time it was hidden.
	 * @param whisperId the whisper
	 */
	void markHidden(UUID whisperId) {
		this.jdbc.sql("update whispers set hidden_at = coalesce(hidden_at, now()) where id = :id")
			.param("id", whisperId)
			.update();
	}

	/**
	 * Records a like unless the user already likes the whisper.
	 * @param userId the user
	 * @param whisperId the whisper
	 * @param now when
	 * @return {@code true} if it is new
	 */
	boolean insertLike(UUID userId, UUID whisperId, Instant now) {
		return this.jdbc.sql("""
				insert into whisper_likes (user_id, whisper_id, created_at) values (:user, :whisper, :now)
				on conflict (user_id, whisper_id) do nothing""")
			.param("user", userId)
			.param("whisper", whisperId)
			.param("now", Timestamp.from(now))
			.update() > 0;
	}

	/**
	 * Removes a like.
	 * @param userId the user
	 * @param whisperId the whisper
	 * @return {@code true} if there was one
	 */
	boolean deleteLike(UUID userId, UUID whisperId) {
		return this.jdbc.sql("delete from whisper_likes where user_id = :user and whisper_id = :whisper")
			.param("user", userId)
			.param("whisper", whisperId)
			.update() > 0;
	}

	/**
	 * Adds one to a whisper's like count.
	 * @param whisperId the whisper
	 * @return the new count
	 */
	int incrementLikeCount(UUID whisperId) {
		return this.jdbc.sql("update whispers set like_count = like_count + 1 where id = :id returning like_count")
			.param("id", whisperId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Takes one off a whisper's like count.
	 * @param whisperId the whisper
	 * @return the new count
	 */
	int decrementLikeCount(UUID whisperId) {
		return this.jdbc.sql("update whispers set like_count = like_count - 1 where id = :id returning like_count")
			.param("id", whisperId)
			.query(Integer.class)
			.single();
	}

	int likeCount(UUID whisperId) {
		return this.jdbc.sql("select like_count from whispers where id = :id")
			.param("id", whisperId)
			.query(Integer.class)
			.single();
	}

}
