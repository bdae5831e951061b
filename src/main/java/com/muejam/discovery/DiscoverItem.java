package com.muejam.discovery;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import com.muejam.stories.StoryView;

/**
 * A story in a discover feed: the story's fields, plus why For You picked it.
 *
 * @param story the story
 * @param reason why it was picked (For You only)
 */
@Schema(name = "DiscoverItem", description = "A story's fields, plus `reason` on the For You tab")
record DiscoverItem(@JsonUnwrapped StoryView story, @Nullable Reason reason) {

	/**
	 * @param kind what matched
	 * @param label the tag's name or the author's handle it matched
	 */
	@Schema(name = "DiscoverReason")
	record Reason(Kind kind, @Nullable String label) {

		static final Reason TRENDING = new Reason(Kind.TRENDING, null);

	}

	/**
	 * Why For You picked a story: one of the reader's strongest tags, one of their
	 * authors, or the trending list. Shown by its constant's name.
	 */
	enum Kind {

		TAG, AUTHOR, TRENDING

	}

}
