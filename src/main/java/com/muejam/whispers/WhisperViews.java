package com.muejam.whispers;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import com.muejam.users.UserSummary;

/**
 * Response bodies of the whisper endpoints.
 */
final class WhisperViews {

	private WhisperViews() {
	}

	@Schema(name = "Whisper")
	record WhisperView(UUID id, String content, @Schema(allowableValues = {
			"GLOBAL", "STORY", "HIGHLIGHT" }) String scope, @Nullable UUID storyId, @Nullable UUID highlightId,
			@Schema(description = "The thread's root, for replies") @Nullable UUID parentId, @Nullable String mediaUrl,
			UserSummary author, int likeCount, int replyCount,
			@Schema(description = "Whether the caller likes it (false without a token)") boolean likedByMe,
			Instant createdAt){
	}

	@Schema(name = "LikeState")
	record LikeState(boolean liked, int likeCount) {
	}

}
