package com.muejam.stories;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Request and response bodies of the story, chapter and tag endpoints.
 */
final class StoryViews {

	private StoryViews() {
	}

	@Schema(name = "PopularTag")
	record PopularTagView(String name, String slug,
			@Schema(description = "Published stories with this tag") int storyCount) {
	}

	@Schema(name = "ChapterSummary", description = "A chapter in a list: everything but the content")
	record ChapterSummaryView(UUID id, UUID storyId, int chapterNumber, String title, boolean published,
			@Nullable Instant publishedAt, int wordCount, Instant createdAt, Instant updatedAt) {
	}

	@Schema(name = "Chapter")
	record ChapterView(UUID id, UUID storyId, int chapterNumber, String title,
			@Schema(description = "Markdown as written") String content,
			@Schema(description = "Rendered and sanitized HTML") String contentHtml, boolean published,
			@Nullable Instant publishedAt, Instant createdAt, Instant updatedAt,
			@Schema(description = "The previous chapter the caller can read") @Nullable UUID previousChapterId,
			@Schema(description = "The next chapter the caller can read") @Nullable UUID nextChapterId) {
	}

	@Schema(example = "{\"title\":\"The Lighthouse Keeper\",\"blurb\":\"A keeper, a storm, and a light that never goes out.\",\"tags\":[\"Fantasy\",\"Slow Burn\"],\"cover_key\":null}",
			name = "CreateStory")
	record CreateStory(@Schema(example = "The Lighthouse Keeper") @NotBlank @Size(max = 200) String title,
			@Schema(description = "Up to 2000 characters") @Nullable @Size(max = 2000) String blurb,
			@Schema(example = "[\"Slow Burn\", \"Fantasy\"]") @Nullable @Size(
					max = 10) List<@NotBlank @Size(max = 50) String> tags,
			@Schema(description = "Object key from POST /v1/uploads/presign (type cover)") @Nullable @Size(
					max = 300) String coverKey) {
	}

	@Schema(example = "{\"blurb\":\"A keeper, a storm, and a light that never goes out.\",\"tags\":[\"Fantasy\"]}",
			name = "UpdateStory", description = "Absent fields stay as they are; an empty cover_key removes the cover")
	record UpdateStory(@Nullable @Size(min = 1, max = 200) String title, @Nullable @Size(max = 2000) String blurb,
			@Nullable @Size(max = 10) List<@NotBlank @Size(max = 50) String> tags,
			@Nullable @Size(max = 300) String coverKey) {
	}

	@Schema(example = "{\"publish_at\":\"2026-12-01T09:00:00Z\"}", name = "Publish",
			description = "Publish now, or at `publish_at` (scheduled)")
	record Publish(@Schema(description = "A future time to publish at; absent means now") @Nullable Instant publishAt) {
	}

	@Schema(example = "{\"title\":\"Chapter One\",\"content\":\"The lamp had not gone out in *forty years*.\"}",
			name = "CreateChapter")
	record CreateChapter(@Schema(example = "Chapter One") @NotBlank @Size(max = 200) String title,
			@Schema(description = "Markdown, up to 200000 characters") @Nullable @Size(max = 200_000) String content) {
	}

	@Schema(example = "{\"title\":\"Chapter One: The Storm\"}", name = "UpdateChapter",
			description = "Absent fields stay as they are")
	record UpdateChapter(@Nullable @Size(min = 1, max = 200) String title,
			@Nullable @Size(max = 200_000) String content) {
	}

}
