package com.muejam.stories;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Request bodies of the chapter endpoints.
 */
final class ChapterRequests {

	private ChapterRequests() {
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
