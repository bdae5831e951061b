package com.muejam.moderation;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Request and response bodies of the report and moderation endpoints.
 */
final class ModerationViews {

	private ModerationViews() {
	}

	@Schema(example = "{\"reason\":\"Spam links in every chapter\",\"story_id\":\"6f1c2a9e-3b7d-4c1e-9a2f-1d3e5b7c9a01\"}",
			name = "CreateReport", description = "A reason and exactly one target")
	record CreateReport(@NotBlank @Size(max = 1000) String reason, @Nullable UUID storyId, @Nullable UUID chapterId,
			@Nullable UUID whisperId, @Nullable UUID reportedUserId) {
	}

	@Schema(name = "ReportTarget")
	record Target(@Schema(description = "What was reported") TargetType type, UUID id,
			@Schema(description = "A title, a whisper's text or a handle, for moderators") @Nullable String summary) {
	}

	@Schema(name = "Report", description = "A report as its reporter sees it: never who handled it")
	record ReportView(UUID id, ReportStatus status, Target target, String reason,
			@Schema(description = "DISMISS, HIDE_CONTENT or SUSPEND_USER once resolved") @Nullable String outcome,
			Instant createdAt) {
	}

	@Schema(name = "ModerationReport")
	record QueueItem(UUID id, ReportStatus status, Target target, String reason, UUID reporterId,
			@Schema(description = "How many open reports the target has") int reportCount, @Nullable String outcome,
			@Nullable String note, Instant createdAt) {
	}

	@Schema(example = "{\"action\":\"hide_content\",\"note\":\"Spam\"}", name = "Resolve")
	record Resolve(@Schema(description = "What to do", example = "hide_content") @NotNull Decision action,
			@Nullable @Size(max = 2000) String note) {
	}

}
