package com.muejam.library;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Request bodies of the shelf and reading endpoints.
 */
final class LibraryRequests {

	private LibraryRequests() {
	}

	@Schema(example = "{\"name\":\"Favourites\"}", name = "ShelfName")
	record ShelfName(@Schema(example = "Favourites") @NotBlank @Size(max = 100) String name) {
	}

	@Schema(example = "{\"story_id\":\"6f1c2a9e-3b7d-4c1e-9a2f-1d3e5b7c9a01\"}", name = "AddShelfItem")
	record AddShelfItem(@NotNull UUID storyId) {
	}

	@Schema(example = "{\"offset\":1200}", name = "SaveOffset",
			description = "A character offset into the chapter's markdown (UTF-16 code units)")
	record SaveOffset(@NotNull @Min(0) Integer offset) {
	}

}
