package com.muejam.stories;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.visibility.ReaderPreferences;

/**
 * Which published stories a page of the public list shows a reader.
 *
 * @param authorHandle only this author's (by handle, any case), or all
 * @param tagSlug only stories with this tag, or all
 * @param hiddenAuthors authors to leave out (blocked either way, muted)
 * @param leftOut stories to leave out
 * @param preferences the ratings and tags to leave out
 * @param words the story lengths wanted
 */
record PublicSelection(@Nullable String authorHandle, @Nullable String tagSlug, Set<UUID> hiddenAuthors,
		Set<UUID> leftOut, ReaderPreferences preferences, WordRange words) {

	/** Every published story, as anyone signed out sees them. */
	static final PublicSelection ALL = new PublicSelection(null, null, Set.of(), Set.of(), ReaderPreferences.ANONYMOUS,
			WordRange.ANY);

}
