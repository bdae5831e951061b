package com.muejam.stories;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A tag in the popular tags list, with how many published stories carry it.
 */
@Schema(name = "PopularTag")
record PopularTagView(String name, String slug,
		@Schema(description = "Published stories with this tag") int storyCount) {
}
