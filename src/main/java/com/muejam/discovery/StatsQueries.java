package com.muejam.discovery;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.muejam.stories.StoryVisibility;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of authors' statistics: new followers per author and day, and the reads that
 * serve a range of days from the aggregates kept as readers act, one statement each. The
 * reading aggregates (chapter reads and completing readers per story and day, distinct
 * readers per chapter) are counted with the other signals ({@link SignalQueries#drain}).
 */
@Component
class StatsQueries {

	private final JdbcClient jdbc;

	StatsQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Counts a new follower of an author today.
	 * @param authorId who was followed
	 */
	void countNewFollower(UUID authorId) {
		this.jdbc.sql("""
				insert into author_stats_daily (author_id, date, new_followers) values (:author, current_date, 1)
				on conflict (author_id, date) do update set new_followers = author_stats_daily.new_followers + 1""")
			.param("author", authorId)
			.update();
	}

	/**
	 * Who wrote a story, and whether readers can see it.
	 * @param storyId the story
	 * @return the owner, empty when there is no such story (or it is deleted)
	 */
	Optional<Owner> owner(UUID storyId) {
		return this.jdbc
			.sql("select s.author_id, %s as visible from stories s where s.id = :id and s.deleted_at is null"
				.formatted(StoryVisibility.VISIBLE_STORY_SQL))
			.param("id", storyId)
			.query((rs, n) -> new Owner(rs.getObject("author_id", UUID.class), rs.getBoolean("visible")))
			.optional();
	}

	/**
	 * A story's days, each day of the range once (zeros included).
	 * @param storyId the story
	 * @param from the first day
	 * @param to the last day
	 * @return the days, in order
	 */
	List<Day> storyDays(UUID storyId, LocalDate from, LocalDate to) {
		return days("story_stats_daily x on x.story_id = :owner", "0", storyId, from, to);
	}

	/**
	 * An author's days over all their stories (the sums kept per author and day), with
	 * their new followers, each day of the range once.
	 * @param authorId the author
	 * @param from the first day
	 * @param to the last day
	 * @return the days, in order
	 */
	List<Day> authorDays(UUID authorId, LocalDate from, LocalDate to) {
		return days("author_stats_daily x on x.author_id = :owner", "x.new_followers", authorId, from, to);
	}

	/**
	 * Each day of the range once, joined to the daily counters of one story or author.
	 * @param counters the counters' table aliased {@code x} and its join on
	 * {@code :owner}
	 * @param followers the new followers' column, or {@code 0}
	 */
	private List<Day> days(String counters, String followers, UUID owner, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				select cast(d.day as date) as day, coalesce(x.chapter_reads_count, 0) as reads,
				       coalesce(x.reads_count, 0) as readers, coalesce(x.completions_count, 0) as completions,
				       coalesce(x.saves_count, 0) as saves, coalesce(x.likes_count, 0) as likes,
				       coalesce(x.whispers_count, 0) as whispers, coalesce(%s, 0) as followers
				from generate_series(cast(:from as date), cast(:to as date), interval '1 day') d(day)
				left join %s and x.date = d.day
				order by d.day""".formatted(followers, counters))
			.param("owner", owner)
			.param("from", from)
			.param("to", to)
			.query(StatsQueries::day)
			.list();
	}

	/**
	 * How many distinct readers each of a story's published chapters ever had, in order.
	 * @param storyId the story
	 * @return the funnel
	 */
	List<FunnelStep> funnel(UUID storyId) {
		return this.jdbc.sql("""
				select c.id, c.chapter_number, c.title, coalesce(cs.readers, 0) as readers
				from chapters c left join chapter_stats cs on cs.chapter_id = c.id
				where c.story_id = :story and c.published and c.deleted_at is null
				order by c.chapter_number""")
			.param("story", storyId)
			.query((rs, n) -> new FunnelStep(rs.getObject("id", UUID.class), rs.getInt("chapter_number"),
					rs.getString("title"), rs.getInt("readers")))
			.list();
	}

	private static Day day(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Day(rs.getObject("day", LocalDate.class), rs.getInt("reads"), rs.getInt("readers"),
				rs.getInt("completions"), rs.getInt("saves"), rs.getInt("likes"), rs.getInt("whispers"),
				rs.getInt("followers"));
	}

	/**
	 * @param authorId who wrote the story
	 * @param visible whether readers can see it
	 */
	record Owner(UUID authorId, boolean visible) {
	}

	/**
	 * A day's counts.
	 *
	 * @param date the day
	 * @param reads chapter reads (each reader once per chapter)
	 * @param readers distinct readers (per story)
	 * @param completions readers who completed a chapter
	 * @param saves saves to shelves
	 * @param likes likes of whispers on the story
	 * @param whispers whispers about the story
	 * @param newFollowers new followers of the author
	 */
	record Day(LocalDate date, int reads, int readers, int completions, int saves, int likes, int whispers,
			int newFollowers) {
	}

	/**
	 * @param chapterId the chapter
	 * @param number its number
	 * @param title its title
	 * @param readers the distinct readers it ever had
	 */
	record FunnelStep(UUID chapterId, int number, String title, int readers) {
	}

}
