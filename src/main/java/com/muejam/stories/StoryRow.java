package com.muejam.stories;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A story as list queries read it, with the number of chapters the viewer can see.
 */
record StoryRow(UUID id, String slug, String title, String blurb, @Nullable String coverKey, UUID authorId,
		boolean published, @Nullable Instant publishedAt, int chapterCount, Instant createdAt, Instant updatedAt) {

	static final String COLUMNS = """
			s.id, s.slug, s.title, s.blurb, s.cover_key, s.author_id, s.published, s.published_at,
			s.created_at, s.updated_at""";

	static StoryRow map(ResultSet rs, int rowNumber) throws SQLException {
		return new StoryRow(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("title"),
				rs.getString("blurb"), rs.getString("cover_key"), rs.getObject("author_id", UUID.class),
				rs.getBoolean("published"), instant(rs.getTimestamp("published_at")), rs.getInt("chapter_count"),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
	}

	static StoryRow of(Story story, int chapterCount) {
		return new StoryRow(story.id(), story.slug(), story.title(), story.blurb(), story.coverKey(), story.authorId(),
				story.isPublished(), story.publishedAt(), chapterCount, story.createdAt(), story.updatedAt());
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
