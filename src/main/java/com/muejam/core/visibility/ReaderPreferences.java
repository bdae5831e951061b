package com.muejam.core.visibility;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a reader asked not to see in lists, feeds, search and suggestions: stories rated
 * above their limit and stories carrying a muted tag (muted authors come from the social
 * graph, with blocks). Every signed-in request carries its caller's, read with the
 * sign-in; anonymous readers get {@link #ANONYMOUS}.
 *
 * @param maxRating the most restricted rating the reader sees
 * @param mutedTags slugs of the tags whose stories the reader does not want to see
 * @param hideReadByDefault whether Discover and search leave out the stories the reader
 * finished unless a request says {@code hide_read=false}
 */
public record ReaderPreferences(Rating maxRating, Set<String> mutedTags, boolean hideReadByDefault) {

	/** Anonymous readers, and readers who never changed anything: up to teen. */
	public static final ReaderPreferences ANONYMOUS = new ReaderPreferences(Rating.TEEN, Set.of(), false);

	public ReaderPreferences {
		mutedTags = Set.copyOf(mutedTags);
	}

	/**
	 * Whether a story with this rating and these tags belongs in the reader's lists.
	 * @param rating the story's rating
	 * @param tagSlugs its tags' slugs
	 * @return {@code true} unless it is rated above the limit or carries a muted tag
	 */
	public boolean admits(Rating rating, Collection<String> tagSlugs) {
		return this.maxRating.admits(rating) && tagSlugs.stream().noneMatch(this.mutedTags::contains);
	}

	/**
	 * The same preferences with one tag no longer muted: asking for a muted tag's page
	 * explicitly still shows it.
	 * @param tagSlug the tag asked for
	 * @return the preferences for that page
	 */
	public ReaderPreferences showing(String tagSlug) {
		if (!this.mutedTags.contains(tagSlug)) {
			return this;
		}
		Set<String> muted = new HashSet<>(this.mutedTags);
		muted.remove(tagSlug);
		return new ReaderPreferences(this.maxRating, muted, this.hideReadByDefault);
	}

	/**
	 * Whether a request leaves out what the reader finished.
	 * @param hideRead the request's {@code hide_read}, or {@code null} for the default
	 * @return {@code true} to leave finished stories out
	 */
	public boolean hidesRead(@Nullable Boolean hideRead) {
		return (hideRead != null) ? hideRead : this.hideReadByDefault;
	}

	/**
	 * The muted tags for an SQL {@code &&} (overlap) condition.
	 * @return the slugs
	 */
	public String[] mutedTagArray() {
		return this.mutedTags.toArray(String[]::new);
	}

}
