package com.muejam.stories;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import com.muejam.core.visibility.ContentWarning;
import com.muejam.core.visibility.Rating;
import com.muejam.core.visibility.ReaderPreferences;
import com.muejam.core.web.SharedView;
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
 * @param rating its content rating
 * @param contentWarnings its content warnings
 * @param wordCount words in its published chapters
 * @param readingMinutes minutes to read them (words / 230, rounded up)
 * @param gated whether the story is rated above the caller's limit: then the blurb is
 * empty, and tags, cover and chapters are withheld
 */
@Schema(name = "Story")
public record StoryView(UUID id, String slug, String title, String blurb, List<TagView> tags, @Nullable String coverUrl,
		UserSummary author, boolean published,
		@Schema(description = "When readers may see it; in the future for a scheduled story") @Nullable Instant publishedAt,
		@Schema(description = "Chapters the caller can read") int chapterCount, Instant createdAt, Instant updatedAt,
		Rating rating, List<ContentWarning> contentWarnings,
		@Schema(description = "Words in its published chapters") int wordCount,
		@Schema(description = "Minutes to read them: words / 230, rounded up") int readingMinutes,
		@Schema(description = "Rated above the caller's `max_rating` (GET /v1/me/preferences): the blurb is empty, "
				+ "tags and cover are withheld and the chapter endpoints answer 403 `RATING_GATED`") boolean gated)
		implements
			SharedView {

	/**
	 * The story as a reader whose limit is below its rating sees it: enough to ask
	 * whether they want to see it (title, author, rating and warnings), no text.
	 * @return the gated view
	 */
	StoryView gatedView() {
		return new StoryView(this.id, this.slug, this.title, "", List.of(), null, this.author, this.published,
				this.publishedAt, this.chapterCount, this.createdAt, this.updatedAt, this.rating, this.contentWarnings,
				this.wordCount, this.readingMinutes, true);
	}

	/**
	 * Whether the story belongs in a reader's lists.
	 * @param preferences what the reader asked not to see
	 * @return {@code true} unless it is rated above their limit or carries a muted tag
	 */
	public boolean isAdmittedBy(ReaderPreferences preferences) {
		return preferences.admits(this.rating, this.tags.stream().map(TagView::slug).toList());
	}

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
