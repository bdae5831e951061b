package com.muejam.discovery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.visibility.Rating;

/**
 * A ranking computed at one moment: the stories in order, with their scores and reasons.
 * Feeds page through it by (score, id), so pages of one ranking never skip or repeat a
 * story.
 *
 * @param at when it was computed
 * @param entries the stories, best first
 */
record Ranked(Instant at, List<Entry> entries) {

	/**
	 * @param storyId the story
	 * @param authorId its author
	 * @param score its score
	 * @param reason why it is there, or {@code null}
	 * @param rating its rating when ranked
	 * @param tagSlugs its tags' slugs when ranked
	 */
	record Entry(UUID storyId, UUID authorId, double score, DiscoverItem.@Nullable Reason reason, Rating rating,
			List<String> tagSlugs) {
	}

}
