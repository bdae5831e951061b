package com.muejam.discovery;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statements behind the signals: the once-a-day engagement record, the story's daily
 * counters, and the reader's interest in a story's tags and author.
 */
@Component
class SignalQueries {

	private final JdbcClient jdbc;

	SignalQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a reader's engagement with a story in one statement, unless it is the
	 * author's own, the reader is suspended, or it was recorded already this UTC day; and
	 * only if it is news, adds one to a counter of the story's and its author's stats for
	 * today, and adds to the reader's interest in the story's tags and author.
	 * @param storyId the story
	 * @param userId the reader
	 * @param signal the kind of engagement
	 * @param counter the daily stats column it adds to, one of the signals' own column
	 * names
	 */
	void record(UUID storyId, UUID userId, Signal signal, String counter) {
		// the later parts read what the first inserted, so a repeat writes nothing at all
		this.jdbc
			.sql("""
					with engaged as (
					    insert into story_engagements (story_id, user_id, kind)
					    select s.id, p.id, :kind from stories s join user_profiles p on p.id = :user
					    where s.id = :story and s.author_id <> p.id and p.suspended_at is null
					    on conflict (story_id, user_id, kind, day) do nothing
					    returning story_id),
					story as (
					    select s.id, s.author_id from stories s join engaged e on e.story_id = s.id),
					story_day as (
					    insert into story_stats_daily (story_id, date, %1$s) select id, current_date, 1 from story
					    on conflict (story_id, date) do update set %1$s = story_stats_daily.%1$s + 1),
					author_day as (
					    insert into author_stats_daily (author_id, date, %1$s) select author_id, current_date, 1 from story
					    on conflict (author_id, date) do update set %1$s = author_stats_daily.%1$s + 1),
					tag_interest as (
					    insert into user_interests (user_id, tag_id, score, updated_at)
					    select :user, st.tag_id, :weight, now() from story_tags st join story on st.story_id = story.id
					    where :weight > 0
					    on conflict (user_id, tag_id) do update set score = user_interests.score + excluded.score, updated_at = now())
					insert into user_interests (user_id, author_id, score, updated_at)
					select :user, author_id, :weight, now() from story where :weight > 0
					on conflict (user_id, author_id) do update set score = user_interests.score + excluded.score, updated_at = now()"""
				.formatted(counter))
			.param("story", storyId)
			.param("user", userId)
			.param("kind", signal.name())
			.param("weight", signal.interestWeight())
			.update();
	}

	/**
	 * Adds to the reader's interest in an author.
	 * @param userId the reader
	 * @param authorId the author
	 * @param weight how much
	 */
	void addInterestInAuthor(UUID userId, UUID authorId, double weight) {
		this.jdbc
			.sql("""
					insert into user_interests (user_id, author_id, score, updated_at) values (:user, :author, :weight, now())
					on conflict (user_id, author_id) do update set score = user_interests.score + excluded.score, updated_at = now()""")
			.param("user", userId)
			.param("author", authorId)
			.param("weight", weight)
			.update();
	}

}
