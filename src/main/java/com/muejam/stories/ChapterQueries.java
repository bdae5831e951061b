package com.muejam.stories;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.visibility.Rating;

import com.muejam.core.pagination.Seek;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of chapters: a story's chapter list, a chapter's neighbours, facts about
 * readable chapters in one statement, and a moderator's hiding.
 */
@Component
class ChapterQueries {

	/**
	 * The chapter {@code :id} as {@code r}, with its story as {@code s}, if readers can
	 * see both at {@code :now}.
	 */
	private static final String READABLE_CHAPTER = """
			from chapters r join stories s on s.id = r.story_id
			where r.id = :id and %s and %s""".formatted(StoryQueries.chapterVisibleAt("r", ":now"),
			StoryQueries.storyVisibleAt(":now"));

	private final JdbcClient jdbc;

	ChapterQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A chapter with its neighbours, in one statement: for its story's author whatever
	 * its state (neighbours among the chapters not deleted), for anyone else only while
	 * readers can see it and its story (neighbours among the visible chapters).
	 * @param chapterId the chapter
	 * @param viewerId the caller, or {@code null}
	 * @param now the moment readers' visibility is judged at
	 * @return the chapter, its story's author and rating, and when the story's next
	 * scheduled chapter goes live; empty if unknown, deleted or not visible
	 */
	Optional<ReadableChapter> readable(UUID chapterId, @Nullable UUID viewerId, Instant now) {
		String neighbourVisible = "(s.author_id = :viewer and %s or %s)".formatted(StoryQueries.CHAPTER_KEPT,
				StoryQueries.CHAPTER_VISIBLE);
		return this.jdbc
			.sql("""
					select r.id, r.story_id, r.chapter_number, r.title, r.content, r.content_html, r.published,
					       r.published_at, r.created_at, r.updated_at, r.word_count, r.text_length, s.author_id,
					       s.rating, s.next_chapter_at,
					       (select c.id from chapters c where c.story_id = r.story_id and c.chapter_number < r.chapter_number
					        and %1$s order by c.chapter_number desc limit 1) as previous_id,
					       (select c.id from chapters c where c.story_id = r.story_id and c.chapter_number > r.chapter_number
					        and %1$s order by c.chapter_number limit 1) as next_id
					from chapters r join stories s on s.id = r.story_id
					where r.id = :id and r.deleted_at is null and s.deleted_at is null
					  and (s.author_id = :viewer or %2$s and %3$s)"""
				.formatted(neighbourVisible, StoryQueries.storyVisibleAt(":now"),
						StoryQueries.chapterVisibleAt("r", ":now")))
			.param("id", chapterId)
			.param("viewer", (viewerId != null) ? viewerId : StoryQueries.NOBODY)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new ReadableChapter(rs.getObject("author_id", UUID.class),
					Rating.fromWire(rs.getString("rating")),
					new ChapterView(rs.getObject("id", UUID.class), rs.getObject("story_id", UUID.class),
							rs.getInt("chapter_number"), rs.getString("title"), rs.getString("content"),
							rs.getString("content_html"), rs.getBoolean("published"),
							instant(rs.getTimestamp("published_at")), rs.getTimestamp("created_at").toInstant(),
							rs.getTimestamp("updated_at").toInstant(), rs.getObject("previous_id", UUID.class),
							rs.getObject("next_id", UUID.class), rs.getInt("word_count")),
					instant(rs.getTimestamp("next_chapter_at")), rs.getInt("text_length")))
			.optional();
	}

	/**
	 * A page of a story's chapters in order.
	 * @param storyId the story
	 * @param ownerView whether drafts and scheduled chapters are included
	 * @param afterNumber the chapter number to continue after, or {@code null}
	 * @param limit rows to fetch
	 * @return the chapters, without content
	 */
	List<ChapterSummaryView> chapters(UUID storyId, boolean ownerView, @Nullable Integer afterNumber, int limit) {
		String sql = """
				select c.id, c.story_id, c.chapter_number, c.title, c.published, c.published_at, c.word_count,
				       c.created_at, c.updated_at
				from chapters c where c.story_id = :story and %s %s
				order by c.chapter_number limit :limit""".formatted(
				ownerView ? StoryQueries.CHAPTER_KEPT : StoryQueries.CHAPTER_VISIBLE,
				Seek.ascending(afterNumber, "c.chapter_number", ":after"));
		return this.jdbc.sql(sql)
			.param("story", storyId)
			.param("limit", limit)
			.params((afterNumber != null) ? Map.of("after", afterNumber) : Map.of())
			.query((rs,
					n) -> new ChapterSummaryView(rs.getObject("id", UUID.class), rs.getObject("story_id", UUID.class),
							rs.getInt("chapter_number"), rs.getString("title"), rs.getBoolean("published"),
							(rs.getTimestamp("published_at") != null) ? rs.getTimestamp("published_at").toInstant()
									: null,
							rs.getInt("word_count"), rs.getTimestamp("created_at").toInstant(),
							rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

	/**
	 * The chapters before and after one, among those the viewer can see, in one
	 * statement.
	 * @param storyId the story
	 * @param number the chapter's number
	 * @param ownerView whether drafts count
	 * @return the neighbours' ids
	 */
	Neighbours neighbours(UUID storyId, int number, boolean ownerView) {
		String visible = ownerView ? StoryQueries.CHAPTER_KEPT : StoryQueries.CHAPTER_VISIBLE;
		return this.jdbc.sql("""
				select (select c.id from chapters c where c.story_id = :story and c.chapter_number < :number and %1$s
				        order by c.chapter_number desc limit 1) as previous_id,
				       (select c.id from chapters c where c.story_id = :story and c.chapter_number > :number and %1$s
				        order by c.chapter_number limit 1) as next_id""".formatted(visible))
			.param("story", storyId)
			.param("number", number)
			.query((rs, n) -> new Neighbours(rs.getObject("previous_id", UUID.class),
					rs.getObject("next_id", UUID.class)))
			.single();
	}

	/**
	 * The chapters of a story that readers may have read: published and not deleted.
	 * @param storyId the story
	 * @return their ids
	 */
	List<UUID> publishedIdsOf(UUID storyId) {
		return this.jdbc.sql("select id from chapters where story_id = :story and published and deleted_at is null")
			.param("story", storyId)
			.query(UUID.class)
			.list();
	}

	/**
	 * Hides a chapter from readers, keeping the time it was first hidden.
	 * @param chapterId the chapter
	 */
	void hide(UUID chapterId) {
		this.jdbc.sql("""
				update chapters set hidden_at = coalesce(hidden_at, now()) where id = :id""")
			.param("id", chapterId)
			.update();
	}

	/**
	 * A chapter's text while readers can see it and its story, with the story's author,
	 * in one statement (its rendered HTML is not read): for a highlight, which quotes it.
	 * @param chapterId the chapter
	 * @param now the moment readers' visibility is judged at
	 * @return the text and the author, empty if unknown or not visible
	 */
	Optional<ReadableText> readableText(UUID chapterId, Instant now) {
		return this.jdbc.sql("""
				select r.id, r.story_id, r.chapter_number, r.title, r.content, s.author_id
				""" + READABLE_CHAPTER)
			.param("id", chapterId)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new ReadableText(rs.getObject("author_id", UUID.class),
					new ChapterText(rs.getObject("id", UUID.class), rs.getObject("story_id", UUID.class),
							rs.getInt("chapter_number"), rs.getString("title"), rs.getString("content"))))
			.optional();
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * A chapter's place (its story and length, not its text) while readers can see it and
	 * its story, with the story's author, in one statement.
	 * @param chapterId the chapter
	 * @param now the moment readers' visibility is judged at
	 * @return the place and the author, empty if unknown or not visible
	 */
	Optional<ReadablePlace> readablePlace(UUID chapterId, Instant now) {
		return this.jdbc.sql("""
				select r.id, r.story_id, r.text_length, s.author_id
				""" + READABLE_CHAPTER)
			.param("id", chapterId)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new ReadablePlace(rs.getObject("author_id", UUID.class),
					new ChapterPlace(rs.getObject("id", UUID.class), rs.getObject("story_id", UUID.class),
							rs.getInt("text_length"))))
			.optional();
	}

	/**
	 * @param authorId who wrote the chapter's story
	 * @param text the chapter's text
	 */
	record ReadableText(UUID authorId, ChapterText text) {
	}

	/**
	 * @param authorId who wrote the chapter's story
	 * @param place the chapter's place
	 */
	record ReadablePlace(UUID authorId, ChapterPlace place) {
	}

	/**
	 * @param previousId the chapter before, or {@code null}
	 * @param nextId the chapter after, or {@code null}
	 */
	record Neighbours(@Nullable UUID previousId, @Nullable UUID nextId) {
	}

}
