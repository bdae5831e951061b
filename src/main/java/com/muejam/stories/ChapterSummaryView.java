package com.muejam.stories;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A chapter in a story's chapter list: everything but the content.
 */
@Schema(name = "ChapterSummary", description = "A chapter in a list: everything but the content")
record ChapterSummaryView(UUID id, UUID storyId, int chapterNumber, String title, boolean published,
		@Nullable Instant publishedAt, int wordCount, Instant createdAt, Instant updatedAt,
		@Schema(description = "Minutes to read it: words / 230, rounded up") int readingMinutes) {

	ChapterSummaryView(UUID id, UUID storyId, int chapterNumber, String title, boolean published,
			@Nullable Instant publishedAt, int wordCount, Instant createdAt, Instant updatedAt) {
		this(id, storyId, chapterNumber, title, published, publishedAt, wordCount, createdAt, updatedAt,
				ReadingTime.minutes(wordCount));
	}

}
