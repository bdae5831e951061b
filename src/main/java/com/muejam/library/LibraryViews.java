package com.muejam.library;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import com.muejam.stories.StoryView;

/**
 * Response bodies of the shelf and reading endpoints.
 */
final class LibraryViews {

	private LibraryViews() {
	}

	@Schema(name = "Shelf")
	record ShelfView(UUID id, String name, int itemCount, Instant createdAt) {
	}

	@Schema(name = "ShelfItem", description = "A story on a shelf: the story's fields plus `added_at`")
	record ShelfItemView(@JsonUnwrapped StoryView story, Instant addedAt) {
	}

	@Schema(name = "Progress",
			description = "Where the caller is in a chapter; `updated_at` is null before any progress")
	record ProgressView(UUID chapterId, int offset, @Nullable Instant updatedAt) {
	}

	@Schema(name = "Reading", description = "A story the caller is reading and where they are in it")
	record ReadingView(StoryView story, ChapterRef chapter, int offset,
			@Schema(description = "How far into that chapter, 0-100") double percent, Instant updatedAt) {
	}

	@Schema(name = "ChapterRef")
	record ChapterRef(UUID id, int chapterNumber, String title) {
	}

	@Schema(name = "Bookmark")
	record BookmarkView(UUID id, UUID chapterId, int offset, Instant createdAt) {
	}

}
