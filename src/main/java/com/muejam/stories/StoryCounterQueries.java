package com.muejam.stories;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL that keeps a story row's chapter counters (chapters, words, the chapters
 * readers can see now and when the next scheduled one goes live) in step with its
 * chapters, so that story reads need no other table than the authors'.
 */
@Component
class StoryCounterQueries {

	/**
	 * Over a story's published, undeleted chapters: how many readers can see now, and
	 * when the next scheduled one goes live. "Now" is the statement's own clock, read
	 * after the caller took the moment a chapter it just published goes live.
	 */
	private static final String LIVE_COUNTERS = """
			count(*) filter (where published_at <= clock_timestamp() and hidden_at is null) as live,
			min(published_at) filter (where published_at > clock_timestamp() and hidden_at is null) as next""";

	private final JdbcClient jdbc;

	StoryCounterQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Recounts a story's published chapters and their words (scheduled ones included),
	 * and the chapters readers can see now with the moment the next scheduled one goes
	 * live (what {@link StoryQueries#liveChapterCount()} reads). The story's row is
	 * locked first, and the count taken after: a writer that changed another chapter of
	 * the story in a transaction not yet committed is waited for, and counted.
	 * @param storyId the story
	 */
	void refreshStoryCounters(UUID storyId) {
		// one statement could not do both: its count would be of the moment it began,
		// before the wait for the row
		this.jdbc.sql("select id from stories where id = :story for update")
			.param("story", storyId)
			.query(UUID.class)
			.optional();
		this.jdbc.sql("""
				update stories s set chapter_count = c.chapters, word_count = c.words, live_chapter_count = c.live,
				    next_chapter_at = c.next
				from (select count(*) as chapters, coalesce(sum(word_count), 0) as words, %s
				      from chapters where story_id = :story and published and deleted_at is null) c
				where s.id = :story""".formatted(LIVE_COUNTERS)).param("story", storyId).update();
	}

	/**
	 * Brings the counters of readers' chapters up to date on every story whose next
	 * scheduled chapter has gone live since they were written, in one statement. A story
	 * whose row a writer holds is skipped: its writer recounts it, and counting it here
	 * would count before that writer's change and overwrite its count; if it is still
	 * due, the next run takes it.
	 * @return how many stories were updated
	 */
	int refreshDueChapterCounters() {
		return this.jdbc.sql("""
				with due as (select id from stories where next_chapter_at <= now() for update skip locked)
				update stories s set live_chapter_count = c.live, next_chapter_at = c.next
				from due cross join lateral (
				    select %s from chapters where story_id = due.id and published and deleted_at is null) c
				where s.id = due.id""".formatted(LIVE_COUNTERS)).update();
	}

}
