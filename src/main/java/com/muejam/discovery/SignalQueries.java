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
	 * Records a reader's engagement with a story, unless it is the author's own, the
	 * reader is suspended, or it was recorded already this UTC day.
	 * @param storyId the story
	 * @param userId the reader
	 * @param signal the kind of engagement
	 * @return whether this is news (recorded now)
	 */
	boolean recordEngagement(UUID storyId, UUID userId, Signal signal) {
		return this.jdbc.sql("""
				insert into story_engagements (story_id, user_id, kind)
				select s.id, p.id, :kind from stories s join user_profiles p on p.id = :user
				where s.id = :story and s.author_id <> p.id and p.suspended_at is null
				on conflict (story_id, user_id, kind, day) do nothing""")
			.param("story", storyId)
			.param("user", userId)
			.param("kind", signal.name())
			.update() == 1;
	}

	/**
	 * Adds one to a counter of the story's stats for today, and of its author's.
	 * @param storyId the story
	 * @param counter the daily stats column, one of the signals' own column names
	 */
	void countToday(UUID storyId, String counter) {
		this.jdbc.sql("""
				with story as (
				    insert into story_stats_daily (story_id, date, %1$s) values (:story, current_date, 1)
				    on conflict (story_id, date) do update set %1$s = story_stats_daily.%1$s + 1)
				insert into author_stats_daily (author_id, date, %1$s)
				select s.author_id, current_date, 1 from stories s where s.id = :story
				on conflict (author_id, date) do update set %1$s = author_stats_daily.%1$s + 1""".formatted(counter))
			.param("story", storyId)
			.update();
	}

	/**
	 * Adds to the reader's interest in each of a story's tags.
	 * @param userId the reader
	 * @param storyId the story
	 * @param weight how much
	 */
	void addInterestInTagsOf(UUID userId, UUID storyId, double weight) {
		this.jdbc
			.sql("""
					insert into user_interests (user_id, tag_id, score, updated_at)
					select :user, st.tag_id, :weight, now() from story_tags st where st.story_id = :story
					on conflict (user_id, tag_id) do update set score = user_interests.score + excluded.score, updated_at = now()""")
			.param("user", userId)
			.param("story", storyId)
			.param("weight", weight)
			.update();
	}

	/**
	 * Adds to the reader's interest in a story's author, unless the reader wrote it.
	 * @param userId the reader
	 * @param storyId the story
	 * @param weight how much
	 */
	void addInterestInAuthorOf(UUID userId, UUID storyId, double weight) {
		this.jdbc
			.sql("""
					insert into user_interests (user_id, author_id, score, updated_at)
					select :user, s.author_id, :weight, now() from stories s where s.id = :story and s.author_id <> :user
					on conflict (user_id, author_id) do update set score = user_interests.score + excluded.score, updated_at = now()""")
			.param("user", userId)
			.param("story", storyId)
			.param("weight", weight)
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
