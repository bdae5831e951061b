package com.muejam.stories;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of a story as a book: which revision of its readable chapters there is, and
 * those chapters' text.
 */
@Component
class BookQueries {

	private final JdbcClient jdbc;

	BookQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What identifies the chapters readers can see of a story readers can see, in one
	 * statement that reads no chapter text.
	 * @param storyId the story
	 * @param now the moment
	 * @return the chapters' fingerprint, or empty when readers cannot see the story
	 */
	Optional<ChapterRevision> revision(UUID storyId, Instant now) {
		return this.jdbc
			.sql("""
					select s.updated_at, max(c.updated_at) as chapters_updated_at,
					       md5(coalesce(string_agg(c.id::text || '@' || c.updated_at::text, ',' order by c.chapter_number), ''))
					         as fingerprint
					from stories s
					left join chapters c on c.story_id = s.id and %s
					where s.id = :id and %s
					group by s.id"""
				.formatted(StoryQueries.chapterVisibleAt("c", ":now"), StoryQueries.storyVisibleAt(":now")))
			.param("id", storyId)
			.param("now", Timestamp.from(now))
			.query((rs, row) -> {
				Instant story = rs.getTimestamp("updated_at").toInstant();
				Timestamp chapters = rs.getTimestamp("chapters_updated_at");
				Instant modified = (chapters != null && chapters.toInstant().isAfter(story)) ? chapters.toInstant()
						: story;
				return new ChapterRevision(rs.getString("fingerprint"), modified);
			})
			.optional();
	}

	/**
	 * The chapters readers can see, in order, with their HTML.
	 * @param storyId the story
	 * @param now the moment
	 * @return the chapters
	 */
	List<BookChapter> chapters(UUID storyId, Instant now) {
		return this.jdbc.sql("""
				select c.chapter_number, c.title, c.content_html from chapters c
				where c.story_id = :id and %s
				order by c.chapter_number""".formatted(StoryQueries.chapterVisibleAt("c", ":now")))
			.param("id", storyId)
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new BookChapter(rs.getInt("chapter_number"), rs.getString("title"),
					rs.getString("content_html")))
			.list();
	}

	/**
	 * @param fingerprint identifies the readable chapters and their versions
	 * @param modified the latest change to the story or those chapters
	 */
	record ChapterRevision(String fingerprint, Instant modified) {
	}

}
