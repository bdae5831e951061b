package com.muejam.stories;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A chapter as a reader sees it, with its neighbours the caller can read.
 */
@Schema(name = "Chapter")
record ChapterView(UUID id, UUID storyId, int chapterNumber, String title,
		@Schema(description = "Markdown as written") String content,
		@Schema(description = "Rendered and sanitized HTML") String contentHtml, boolean published,
		@Nullable Instant publishedAt, Instant createdAt, Instant updatedAt,
		@Schema(description = "The previous chapter the caller can read") @Nullable UUID previousChapterId,
		@Schema(description = "The next chapter the caller can read") @Nullable UUID nextChapterId) {
}
