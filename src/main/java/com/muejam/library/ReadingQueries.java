package com.muejam.library;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.pagination.Keyset;
import com.muejam.core.pagination.PagedSql;
import com.muejam.core.signals.SignalInboxSql;
import com.muejam.stories.ChapterInfo;
import com.muejam.stories.StoryView;
import com.muejam.stories.StoryVisibility;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of reading: progress per reader and chapter, the reads it counts, the reading
 * list, and the clamping of progress to a revised chapter's end.
 */
@Component
final class ReadingQueries {

	/**
	 * A position with the day's read, and the signals of a new read and of a read
	 * completed now.
	 */
	private static final String SAVE_PROGRESS = """
			with saved as (
			    insert into reading_progress (user_id, chapter_id, story_id, char_offset, updated_at)
			    values (:user, :chapter, :story, :offset, :now)
			    on conflict (user_id, chapter_id) do update
			    set char_offset = excluded.char_offset, updated_at = excluded.updated_at
			    returning id),
			latest as (
			    insert into story_progress (user_id, story_id, progress_id, updated_at, chapter_id, char_offset)
			    select :user, :story, id, :now, :chapter, :offset from saved
			    on conflict (user_id, story_id) do update
			    set progress_id = excluded.progress_id, updated_at = excluded.updated_at,
			        chapter_id = excluded.chapter_id, char_offset = excluded.char_offset
			    where (story_progress.updated_at, story_progress.progress_id) < (excluded.updated_at, excluded.progress_id)),
			first_read as (
			    insert into chapter_reads (user_id, chapter_id, story_id, read_on, completed)
			    values (:user, :chapter, :story, :day, :complete) on conflict do nothing returning completed),
			completion as (
			    update chapter_reads set completed = true
			    where :complete and user_id = :user and chapter_id = :chapter and read_on = :day and not completed
			    returning completed),
			counted as (
			    select exists (select from first_read) as first_today,
			           exists (select from first_read where completed) or exists (select from completion) as completed_now),
			signals as (
			    %s
			    select 'READ', :story, :user, :chapter, cast(:day as date) from counted where first_today
			    union all
			    select 'COMPLETE_READ', :story, :user, null, cast(:day as date) from counted where completed_now)
			select first_today, completed_now from counted"""
		.formatted(SignalInboxSql.INSERT);

	/** A page of the reading list with its stories' columns. */
	private static final PagedSql LATEST_PER_STORY = latestPerStory(true);

	/** A page of the reading list with its stories' ids. */
	private static final PagedSql LATEST_PER_STORY_BY_ID = latestPerStory(false);

	private final JdbcClient jdbc;

	private final StoryVisibility stories;

	ReadingQueries(JdbcClient jdbc, StoryVisibility stories) {
		this.jdbc = jdbc;
		this.stories = stories;
	}

	/**
	 * Saves the reader's position in a chapter, replacing the one kept before, as the
	 * latest in its story unless a later one was saved, and counts the day's read of it
	 * with its signals ({@link SignalInboxSql}), in one statement.
	 * @param progress the position
	 * @param day the reader's day (UTC)
	 * @param complete whether the position completes the chapter
	 * @return whether this is the day's first read, and whether it completed the chapter
	 * just now
	 */
	SavedRead saveProgress(SavedProgress progress, LocalDate day, boolean complete) {
		// a day's new read is written completed or not; a day's earlier read is marked
		// complete by the update, which does not see a row inserted by the same statement
		return this.jdbc.sql(SAVE_PROGRESS)
			.param("user", progress.userId())
			.param("chapter", progress.chapterId())
			.param("story", progress.storyId())
			.param("offset", progress.offset())
			.param("now", Timestamp.from(progress.at()))
			.param("day", day)
			.param("complete", complete)
			.query((rs, n) -> new SavedRead(rs.getBoolean("first_today"), rs.getBoolean("completed_now")))
			.single();
	}

	/**
	 * The reader's position in a chapter.
	 * @param userId the reader
	 * @param chapterId the chapter
	 * @return the position, empty if none was saved
	 */
	Optional<Progress> progress(UUID userId, UUID chapterId) {
		return this.jdbc
			.sql("select char_offset, updated_at from reading_progress where user_id = :user and chapter_id = :chapter")
			.param("user", userId)
			.param("chapter", chapterId)
			.query((rs, n) -> new Progress(rs.getInt("char_offset"), rs.getTimestamp("updated_at").toInstant()))
			.optional();
	}

	/**
	 * A page of the reader's latest position in each story, most recently read first,
	 * with its chapter and story, in one statement that reads each story's latest
	 * position alone, not the positions of every chapter (and, with a cache of stories in
	 * this process, one more for the stories it lacks, see
	 * {@code StoryVisibility.joinedStories}): a story whose latest position is in a
	 * chapter readers cannot see now (or whose story they cannot see) is left out, and
	 * one whose author is in a block with the reader comes without its story.
	 * @param userId the reader
	 * @param after the position to continue after, or {@code null} for the first page
	 * @param limit rows to fetch
	 * @return the rows
	 */
	List<LatestProgress> latestPerStory(UUID userId, @Nullable Keyset after, int limit) {
		StoryVisibility.JoinedStories stories = this.stories.joinedStories(userId);
		List<LatestProgress> rows = this.jdbc
			.sql((stories.columns() ? LATEST_PER_STORY : LATEST_PER_STORY_BY_ID).text(after))
			.param("user", userId)
			.param("limit", limit)
			.params(Keyset.params(after))
			.query((rs, n) -> {
				stories.in(rs);
				return new LatestProgress(rs.getObject("progress_id", UUID.class),
						new ChapterInfo(rs.getObject("chapter_id", UUID.class), rs.getObject("story_id", UUID.class),
								rs.getInt("chapter_number"), rs.getString("chapter_title"), rs.getInt("text_length")),
						rs.getInt("char_offset"), rs.getTimestamp("progress_updated_at").toInstant(), null);
			})
			.list();
		Map<UUID, StoryView> shown = stories.stories();
		return rows.stream()
			.map((row) -> new LatestProgress(row.id(), row.chapter(), row.offset(), row.updatedAt(),
					shown.get(row.chapter().storyId())))
			.toList();
	}

	private static PagedSql latestPerStory(boolean storyColumns) {
		return PagedSql.of((after) -> """
				select sp.progress_id, sp.story_id, sp.char_offset, sp.updated_at as progress_updated_at,
				       c.id as chapter_id, c.chapter_number, c.title as chapter_title, c.text_length, story.*
				from story_progress sp join chapters c on c.id = sp.chapter_id
				%s
				where sp.user_id = :user %s and %s
				order by sp.updated_at desc, sp.progress_id desc limit :limit""".formatted(
				StoryVisibility.requiredVisibleStoryJoin("c.story_id", storyColumns),
				Keyset.seekDescending(after, "sp.updated_at, sp.progress_id"), StoryVisibility.chapterVisibleSql("c")));
	}

	/**
	 * The stories a reader has finished: they completed (read 90% of) the last chapter
	 * readers can see, in one statement.
	 * @param userId the reader
	 * @return the stories
	 */
	List<UUID> finishedStories(UUID userId) {
		return this.jdbc
			.sql("""
					select distinct cr.story_id from chapter_reads cr join chapters c on c.id = cr.chapter_id
					where cr.user_id = :user and cr.completed and %s
					  and not exists (select 1 from chapters later where later.story_id = c.story_id
					                  and later.chapter_number > c.chapter_number and %s)"""
				.formatted(StoryVisibility.chapterVisibleSql("c"), StoryVisibility.chapterVisibleSql("later")))
			.param("user", userId)
			.query(UUID.class)
			.list();
	}

	/**
	 * Moves progress past a chapter's end to its end, and each story's latest position
	 * with it, in one statement.
	 * @param chapterId the chapter
	 * @param length its new length
	 */
	void clampProgress(UUID chapterId, int length) {
		this.jdbc.sql("""
				with clamped as (
				    update reading_progress set char_offset = :length
				    where chapter_id = :chapter and char_offset > :length returning id)
				update story_progress set char_offset = :length
				where progress_id in (select id from clamped) and char_offset > :length""")
			.param("length", length)
			.param("chapter", chapterId)
			.update();
	}

	/**
	 * A reader's saved position in a chapter.
	 *
	 * @param offset the position
	 * @param updatedAt when it was saved
	 */
	record Progress(int offset, Instant updatedAt) {
	}

	/**
	 * A reader's latest position in a story.
	 *
	 * @param id the progress row
	 * @param chapter the chapter, readable
	 * @param offset the position
	 * @param updatedAt when it was saved
	 * @param story the chapter's story, or {@code null} if a block stands between it and
	 * the reader
	 */
	record LatestProgress(UUID id, ChapterInfo chapter, int offset, Instant updatedAt, @Nullable StoryView story) {
	}

	/**
	 * Forgets an account's reading: its progress, bookmarks and chapter reads.
	 * @param userId the account
	 */
	void deleteAllOf(UUID userId) {
		this.jdbc.sql("""
				with progress as (delete from reading_progress where user_id = :user),
				     marks as (delete from bookmarks where user_id = :user)
				delete from chapter_reads where user_id = :user""").param("user", userId).update();
	}

	/**
	 * A reader's position in a chapter, as it is saved.
	 *
	 * @param userId the reader
	 * @param chapterId the chapter
	 * @param storyId the chapter's story
	 * @param offset the position
	 * @param at when
	 */
	record SavedProgress(UUID userId, UUID chapterId, UUID storyId, int offset, Instant at) {
	}

	/**
	 * @param firstToday whether the save is the reader's first read of the chapter today
	 * @param completedNow whether it completed the chapter's read today, having not
	 * before
	 */
	record SavedRead(boolean firstToday, boolean completedNow) {
	}

}
