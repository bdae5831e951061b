package com.muejam.moderation;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Request bodies of the report and moderation endpoints.
 */
final class ModerationRequests {

	private ModerationRequests() {
	}

	@Schema(example = "{\"reason\":\"Spam links in every chapter\",\"story_id\":\"6f1c2a9e-3b7d-4c1e-9a2f-1d3e5b7c9a01\"}",
			name = "CreateReport", description = "A reason and exactly one target")
	record CreateReport(@NotBlank @Size(max = 1000) String reason, @Nullable UUID storyId, @Nullable UUID chapterId,
			@Nullable UUID whisperId, @Nullable UUID reportedUserId) {
	}

	@Schema(example = "{\"action\":\"hide_content\",\"note\":\"Spam\"}", name = "Resolve")
	record Resolve(@Schema(description = "What to do", example = "hide_content") @NotNull Decision action,
			@Nullable @Size(max = 2000) String note) {
	}

}
