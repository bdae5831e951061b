package com.muejam.highlights;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A highlight as the API shows it.
 */
@Schema(name = "Highlight")
record HighlightView(UUID id, UUID chapterId, int startOffset, int endOffset,
		@Schema(description = "The quoted words") String text,
		@Schema(description = "The author's edit removed the quoted words; the offsets are the last known ones") boolean orphaned,
		Instant createdAt) {

	/**
	 * @param startOffset first highlighted character (UTF-16 code units into the
	 * markdown)
	 * @param endOffset offset after the last highlighted character
	 */
	@Schema(example = "{\"start_offset\":4,\"end_offset\":28}", name = "CreateHighlight")
	record CreateHighlight(@NotNull @Min(0) Integer startOffset, @NotNull @Min(0) Integer endOffset) {
	}

}
