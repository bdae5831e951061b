package com.muejam.stories;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import com.muejam.core.visibility.ContentWarning;
import com.muejam.core.visibility.Rating;

/**
 * Request bodies of the story endpoints (and the publish body chapters share).
 */
final class StoryRequests {

	private StoryRequests() {
	}

	@Schema(example = "{\"title\":\"The Lighthouse Keeper\",\"blurb\":\"A keeper, a storm, and a light that never goes out.\",\"tags\":[\"Fantasy\",\"Slow Burn\"],\"cover_key\":null,\"rating\":\"teen\",\"content_warnings\":[\"violence\"]}",
			name = "CreateStory")
	record CreateStory(@Schema(example = "The Lighthouse Keeper") @NotBlank @Size(max = 200) String title,
			@Schema(description = "Up to 2000 characters") @Nullable @Size(max = 2000) String blurb,
			@Schema(example = "[\"Slow Burn\", \"Fantasy\"]") @Nullable @Size(
					max = 10) List<@NotBlank @Size(max = 50) String> tags,
			@Schema(description = "Object key from POST /v1/uploads/presign (type cover)") @Nullable @Size(
					max = 300) String coverKey,
			@Schema(description = "The content rating; `general` when absent") @Nullable Rating rating,
			@Schema(description = "Content warnings from the fixed list") @Nullable @Size(
					max = 11) List<ContentWarning> contentWarnings) {
	}

	@Schema(example = "{\"blurb\":\"A keeper, a storm, and a light that never goes out.\",\"tags\":[\"Fantasy\"]}",
			name = "UpdateStory", description = "Absent fields stay as they are; an empty cover_key removes the cover")
	record UpdateStory(@Nullable @Size(min = 1, max = 200) String title, @Nullable @Size(max = 2000) String blurb,
			@Nullable @Size(max = 10) List<@NotBlank @Size(max = 50) String> tags,
			@Nullable @Size(max = 300) String coverKey, @Nullable Rating rating,
			@Schema(description = "Replaces the warnings; an empty list removes them") @Nullable @Size(
					max = 11) List<ContentWarning> contentWarnings) {
	}

	@Schema(example = "{\"publish_at\":\"2026-12-01T09:00:00Z\"}", name = "Publish",
			description = "Publish now, or at `publish_at` (scheduled)")
	record Publish(@Schema(description = "A future time to publish at; absent means now") @Nullable Instant publishAt) {
	}

}
