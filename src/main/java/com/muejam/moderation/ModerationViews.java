package com.muejam.moderation;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Response bodies of the report and moderation endpoints.
 */
final class ModerationViews {

	private ModerationViews() {
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

}
