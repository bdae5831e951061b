package com.muejam.users;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import com.muejam.core.error.ApiException;
import com.muejam.core.visibility.Rating;
import com.muejam.core.visibility.ReaderPreferences;

/**
 * A reader's preferences as the API shows them.
 *
 * @param contentFilter the most restricted rating shown
 * @param mutedTags the slugs of the tags whose stories are left out
 * @param hideReadByDefault whether Discover and search leave out finished stories unless
 * a request sends {@code hide_read=false}
 */
@Schema(name = "ReaderPreferences")
record PreferencesView(ContentFilter contentFilter, List<String> mutedTags, boolean hideReadByDefault) {

	/** The most muted tags a reader keeps. */
	static final int MAX_MUTED_TAGS = 200;

	private static final Pattern TAG_SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	static PreferencesView of(ReaderPreferences preferences) {
		return new PreferencesView(new ContentFilter(preferences.maxRating()),
				preferences.mutedTags().stream().sorted().toList(), preferences.hideReadByDefault());
	}

	/**
	 * @param maxRating the most restricted rating shown; anonymous readers see
	 * {@code general} and {@code teen}
	 */
	@Schema(name = "ContentFilter")
	record ContentFilter(@Schema(description = "Stories rated above this are left out of every list, feed, "
			+ "search and suggestion; a direct link answers with `gated: true`") Rating maxRating) {
	}

	/**
	 * A change of preferences: absent fields stay as they are.
	 *
	 * @param contentFilter the new content filter
	 * @param mutedTags the new muted tags (tag slugs, replacing the old list)
	 * @param hideReadByDefault the new default for {@code hide_read}
	 */
	@Schema(name = "UpdateReaderPreferences", description = "Absent fields stay as they are",
			example = "{\"content_filter\":{\"max_rating\":\"mature\"},\"muted_tags\":[\"horror\"],\"hide_read_by_default\":true}")
	record Update(@Valid @Nullable ContentFilterUpdate contentFilter,
			@Schema(description = "Tag slugs, at most 200") @Nullable @Size(
					max = MAX_MUTED_TAGS) List<@Size(min = 1, max = 50) String> mutedTags,
			@Nullable Boolean hideReadByDefault) {

		ReaderPreferences applyTo(ReaderPreferences current) {
			Rating rating = (this.contentFilter != null && this.contentFilter.maxRating() != null)
					? this.contentFilter.maxRating() : current.maxRating();
			var muted = (this.mutedTags != null) ? this.mutedTags.stream().map(Update::tagSlug).toList()
					: List.copyOf(current.mutedTags());
			boolean hideRead = (this.hideReadByDefault != null) ? this.hideReadByDefault : current.hideReadByDefault();
			return new ReaderPreferences(rating, Set.copyOf(muted), hideRead);
		}

		private static String tagSlug(String value) {
			String slug = value.strip().toLowerCase(Locale.ROOT);
			if (!TAG_SLUG.matcher(slug).matches()) {
				throw ApiException.invalidField("muted_tags",
						"must be tag slugs (lower-case letters and digits joined by hyphens): " + value);
			}
			return slug;
		}

	}

	/**
	 * @param maxRating the new limit, absent to keep it
	 */
	@Schema(name = "ContentFilterUpdate")
	record ContentFilterUpdate(@Nullable Rating maxRating) {
	}

}
