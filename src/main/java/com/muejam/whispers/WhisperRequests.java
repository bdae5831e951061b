package com.muejam.whispers;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Request bodies of the whisper endpoints.
 */
final class WhisperRequests {

	private WhisperRequests() {
	}

	@Schema(example = "{\"content\":\"Chapter 3 broke me.\",\"scope\":\"STORY\",\"story_id\":\"6f1c2a9e-3b7d-4c1e-9a2f-1d3e5b7c9a01\"}",
			name = "CreateWhisper")
	record CreateWhisper(
			@Schema(description = "1-280 characters after trimming") @NotNull @Size(max = 4000) String content,
			@Schema(description = "Where it is posted: GLOBAL (default), STORY or HIGHLIGHT (lower case accepted too)",
					allowableValues = {
							"GLOBAL", "STORY", "HIGHLIGHT" },
					example = "STORY") @Nullable String scope,
			@Schema(description = "Required for STORY: a published story") @Nullable UUID storyId,
			@Schema(description = "Required for HIGHLIGHT: one of the caller's highlights") @Nullable UUID highlightId,
			@Schema(description = "Object key from POST /v1/uploads/presign (type whisper_media)") @Nullable @Size(
					max = 300) String mediaKey){
	}

	@Schema(example = "{\"content\":\"That last line gave me chills.\",\"media_key\":null}", name = "CreateReply")
	record CreateReply(
			@Schema(description = "1-280 characters after trimming") @NotNull @Size(max = 4000) String content,
			@Nullable @Size(max = 300) String mediaKey) {
	}

}
