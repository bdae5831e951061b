package com.muejam.stories;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.visibility.ContentWarning;
import com.muejam.core.visibility.Rating;
import com.muejam.stories.StoryView.TagView;

/**
 * A story as its queries read it in one statement: the story, its author's public
 * essentials, its tags by name, the number of chapters the viewer can see, its rating and
 * content warnings.
 */
record StoryRow(UUID id, String slug, String title, String blurb, @Nullable String coverKey, UUID authorId,
		String authorHandle, String authorDisplayName, @Nullable String authorAvatarKey, List<TagView> tags,
		boolean published, @Nullable Instant publishedAt, int chapterCount, Instant createdAt, Instant updatedAt,
		Rating rating, List<ContentWarning> contentWarnings, int wordCount) {

	/**
	 * What a story statement selects, before its chapter count column.
	 */
	static final String COLUMNS = """
			s.id, s.slug, s.title, s.blurb, s.cover_key, s.author_id, s.published, s.published_at,
			s.created_at, s.updated_at, u.handle as author_handle, u.display_name as author_display_name,
			u.avatar_key as author_avatar_key, s.tag_names, s.tag_slugs, s.rating, s.content_warnings,
			s.word_count""";

	/** The join of a story's author, as {@link #COLUMNS} reads it. */
	static final String AUTHOR_JOIN = "join user_profiles u on u.id = s.author_id";

	/**
	 * Where a story statement selects from: stories aliased {@code s} (which keep their
	 * tags' names and slugs, ordered by name), joined to their author.
	 */
	static final String FROM = "from stories s " + AUTHOR_JOIN;

	static StoryRow map(ResultSet rs, int rowNumber) throws SQLException {
		return new StoryRow(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("title"),
				rs.getString("blurb"), rs.getString("cover_key"), rs.getObject("author_id", UUID.class),
				rs.getString("author_handle"), rs.getString("author_display_name"), rs.getString("author_avatar_key"),
				tags(rs.getArray("tag_names"), rs.getArray("tag_slugs")), rs.getBoolean("published"),
				instant(rs.getTimestamp("published_at")), rs.getInt("chapter_count"),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
				Rating.fromWire(rs.getString("rating")), warnings(rs.getArray("content_warnings")),
				rs.getInt("word_count"));
	}

	private static List<ContentWarning> warnings(@Nullable Array values) throws SQLException {
		if (values == null) {
			return List.of();
		}
		return Arrays.stream((String[]) values.getArray()).map(ContentWarning::fromWire).toList();
	}

	private static List<TagView> tags(@Nullable Array names, @Nullable Array slugs) throws SQLException {
		if (names == null || slugs == null) {
			return List.of();
		}
		String[] nameValues = (String[]) names.getArray();
		String[] slugValues = (String[]) slugs.getArray();
		List<TagView> tags = new ArrayList<>(nameValues.length);
		for (int i = 0; i < nameValues.length; i++) {
			tags.add(new TagView(nameValues[i], slugValues[i]));
		}
		return List.copyOf(tags);
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
