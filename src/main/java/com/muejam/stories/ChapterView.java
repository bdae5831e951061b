package com.muejam.stories;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import com.muejam.core.web.SharedView;

/**
 * A chapter as a reader sees it, with its neighbours the caller can read.
 */
@Schema(name = "Chapter")
record ChapterView(UUID id, UUID storyId, int chapterNumber, String title,
		@Schema(description = "Markdown as written") String content,
		@Schema(description = "Rendered and sanitized HTML") String contentHtml, boolean published,
		@Nullable Instant publishedAt, Instant createdAt, Instant updatedAt,
		@Schema(description = "The previous chapter the caller can read") @Nullable UUID previousChapterId,
		@Schema(description = "The next chapter the caller can read") @Nullable UUID nextChapterId,
		@Schema(description = "Words in the chapter, counted when it is saved") int wordCount,
		@Schema(description = "Minutes to read it: words / 230, rounded up") int readingMinutes) implements SharedView {

	ChapterView(UUID id, UUID storyId, int chapterNumber, String title, String content, String contentHtml,
			boolean published, @Nullable Instant publishedAt, Instant createdAt, Instant updatedAt,
			@Nullable UUID previousChapterId, @Nullable UUID nextChapterId, int wordCount) {
		this(id, storyId, chapterNumber, title, content, contentHtml, published, publishedAt, createdAt, updatedAt,
				previousChapterId, nextChapterId, wordCount, ReadingTime.minutes(wordCount));
	}

}
