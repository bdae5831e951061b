package com.muejam.discovery;

import java.sql.Types;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import com.muejam.core.signals.SignalInboxSql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statements behind the signals: the inbox readers' actions are appended to, and the
 * batch that counts them (the once-a-day engagement record, the story's and author's
 * daily counters, the chapter's readers, and the reader's interest in a story's tags and
 * author).
 */
@Component
class SignalQueries {

	private static final String DRAIN = """
			with taken as (
			    delete from signal_inbox where id in (
			        select id from signal_inbox order by id limit :limit for update skip locked)
			    returning kind, story_id, user_id, chapter_id, day, created_at),
			counted as (
			    select t.*, s.author_id from taken t
			    join stories s on s.id = t.story_id join user_profiles p on p.id = t.user_id
			    where s.author_id <> p.id and p.suspended_at is null),
			engaged as (
			    insert into story_engagements (story_id, user_id, kind, day, created_at)
			    select story_id, user_id, kind, day, created_at from counted order by story_id, user_id, kind, day
			    on conflict (story_id, user_id, kind, day) do nothing
			    returning story_id, user_id, kind, day),
			news as (
			    select e.*, s.author_id, %1$s as weight from engaged e join stories s on s.id = e.story_id),
			read_chapters as (
			    select c.story_id, c.author_id, c.day, c.chapter_id, c.user_id from counted c
			    join chapters ch on ch.id = c.chapter_id and ch.story_id = c.story_id where c.kind = 'READ'),
			days as (
			    select story_id, author_id, day,
			        count(*) filter (where kind = 'SAVE') as saves, count(*) filter (where kind = 'READ') as reads,
			        count(*) filter (where kind = 'COMPLETE_READ') as completions, count(*) filter (where kind = 'LIKE') as likes,
			        count(*) filter (where kind = 'WHISPER') as whispers, count(*) filter (where kind = 'CHAPTER') as chapter_reads
			    from (select story_id, author_id, day, kind from news
			          union all select story_id, author_id, day, 'CHAPTER' from read_chapters) signals
			    group by story_id, author_id, day),
			story_days as (
			    insert into story_stats_daily (story_id, date, saves_count, reads_count, completions_count, likes_count,
			        whispers_count, chapter_reads_count)
			    select story_id, day, saves, reads, completions, likes, whispers, chapter_reads from days order by story_id, day
			    on conflict (story_id, date) do update set %2$s),
			author_days as (
			    insert into author_stats_daily (author_id, date, saves_count, reads_count, completions_count, likes_count,
			        whispers_count, chapter_reads_count)
			    select author_id, day, sum(saves), sum(reads), sum(completions), sum(likes), sum(whispers), sum(chapter_reads)
			    from days group by author_id, day order by author_id, day
			    on conflict (author_id, date) do update set %3$s),
			first_readers as (
			    insert into chapter_readers (chapter_id, user_id) select distinct chapter_id, user_id from read_chapters
			    on conflict do nothing returning chapter_id),
			chapters_read as (
			    insert into chapter_stats (chapter_id, story_id, readers)
			    select r.chapter_id, ch.story_id, count(*) from first_readers r join chapters ch on ch.id = r.chapter_id
			    group by r.chapter_id, ch.story_id order by r.chapter_id
			    on conflict (chapter_id) do update set readers = chapter_stats.readers + excluded.readers),
			tag_interests as (
			    insert into user_interests (user_id, tag_id, score, updated_at)
			    select n.user_id, st.tag_id, sum(n.weight), now() from news n join story_tags st on st.story_id = n.story_id
			    where n.weight > 0 group by n.user_id, st.tag_id order by n.user_id, st.tag_id
			    on conflict (user_id, tag_id) do update set score = user_interests.score + excluded.score, updated_at = now()),
			author_interests as (
			    insert into user_interests (user_id, author_id, score, updated_at)
			    select user_id, author_id, sum(weight), now() from news where weight > 0
			    group by user_id, author_id order by user_id, author_id
			    on conflict (user_id, author_id) do update set score = user_interests.score + excluded.score, updated_at = now())
			select count(*) from taken"""
		.formatted(Signal.interestWeightSql("e.kind"), added("story_stats_daily"), added("author_stats_daily"));

	private final JdbcClient jdbc;

	SignalQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Appends a reader's signal to the inbox, in the caller's transaction.
	 * @param signal the kind of engagement
	 * @param storyId the story
	 * @param userId the reader
	 * @param chapterId a first read's chapter, or {@code null}
	 * @param day the UTC day it counts for, or {@code null} for today's
	 */
	void append(Signal signal, UUID storyId, UUID userId, @Nullable UUID chapterId, @Nullable LocalDate day) {
		this.jdbc
			.sql(SignalInboxSql.INSERT + "values (:kind, :story, :user, :chapter, coalesce(:day, "
					+ SignalInboxSql.TODAY + "))")
			.param("kind", signal.name())
			.param("story", storyId)
			.param("user", userId)
			.param("chapter", chapterId, Types.OTHER)
			.param("day", day, Types.DATE)
			.update();
	}

	/**
	 * Counts the oldest signals in the inbox, at most {@code limit}, and deletes them, in
	 * one statement: signals another transaction is counting are passed over. A signal
	 * counts unless it is the author's own or the reader is suspended, and then only once
	 * per reader, story, kind and day. Only the day's first of each (news) adds to the
	 * story's and author's counter of its kind and to the reader's interest in the
	 * story's tags and author; every first read of a chapter adds to the day's chapter
	 * reads, and the reader to the chapter's distinct readers the first time ever. Each
	 * day's row and each interest is written once per batch, whatever the number of its
	 * signals.
	 * @param limit the most signals to take
	 * @return how many signals were taken
	 */
	int drain(int limit) {
		return this.jdbc.sql(DRAIN).param("limit", limit).query(Integer.class).single();
	}

	/** Each daily counter the drain writes, added to what the day's row holds. */
	private static String added(String table) {
		return Stream
			.of("saves_count", "reads_count", "completions_count", "likes_count", "whispers_count",
					"chapter_reads_count")
			.map((column) -> "%1$s = %2$s.%1$s + excluded.%1$s".formatted(column, table))
			.collect(Collectors.joining(", "));
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
