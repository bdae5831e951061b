package com.muejam.stories;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import com.muejam.users.UserSummary;

/**
 * A story as the API shows it, also to other modules (shelves, feeds, search results).
 *
 * @param id the story id
 * @param slug its URL slug
 * @param title the title
 * @param blurb the blurb
 * @param tags its tags
 * @param coverUrl the cover image, or {@code null}
 * @param author who wrote it
 * @param published whether it is published (possibly scheduled)
 * @param publishedAt when readers may see it
 * @param chapterCount chapters the caller can read
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
@Schema(name = "Story")
public record StoryView(UUID id, String slug, String title, String blurb, List<TagView> tags, @Nullable String coverUrl,
		UserSummary author, boolean published,
		@Schema(description = "When readers may see it; in the future for a scheduled story") @Nullable Instant publishedAt,
		@Schema(description = "Chapters the caller can read") int chapterCount, Instant createdAt, Instant updatedAt) {

	/**
	 * A tag of a story.
	 *
	 * @param name the tag's name
	 * @param slug its slug
	 */
	@Schema(name = "Tag")
	public record TagView(String name, String slug) {
	}

}
