package com.muejam.library;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import com.muejam.stories.StoryView;

/**
 * Request and response bodies of the library endpoints.
 */
final class LibraryViews {

	private LibraryViews() {
	}

	@Schema(name = "Shelf")
	record ShelfView(UUID id, String name, int itemCount, Instant createdAt) {
	}

	@Schema(example = "{\"name\":\"Favourites\"}", name = "ShelfName")
	record ShelfName(@Schema(example = "Favourites") @NotBlank @Size(max = 100) String name) {
	}

	@Schema(name = "ShelfItem", description = "A story on a shelf: the story's fields plus `added_at`")
	record ShelfItemView(@JsonUnwrapped StoryView story, Instant addedAt) {
	}

	@Schema(example = "{\"story_id\":\"6f1c2a9e-3b7d-4c1e-9a2f-1d3e5b7c9a01\"}", name = "AddShelfItem")
	record AddShelfItem(@NotNull UUID storyId) {
	}

	@Schema(name = "Progress",
			description = "Where the caller is in a chapter; `updated_at` is null before any progress")
	record ProgressView(UUID chapterId, int offset, @Nullable Instant updatedAt) {
	}

	@Schema(example = "{\"offset\":1200}", name = "SaveOffset",
			description = "A character offset into the chapter's markdown (UTF-16 code units)")
	record SaveOffset(@NotNull @Min(0) Integer offset) {
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
