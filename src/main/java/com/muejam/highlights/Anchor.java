package com.muejam.highlights;

import java.util.Optional;

import com.muejam.core.error.ApiException;

/**
 * Where a highlight sits in a text: its offsets, the quoted words and some text on either
 * side, which finds the words again after the text changes.
 *
 * @param start offset of the first quoted character
 * @param end offset after the last quoted character
 * @param quote the quoted text
 * @param prefix up to {@value #CONTEXT} characters before it
 * @param suffix up to {@value #CONTEXT} characters after it
 */
record Anchor(int start, int end, String quote, String prefix, String suffix) {

	static final int CONTEXT = 32;

	/**
	 * Anchors the range {@code [start, end)} of a text (seed property 16:
	 * {@code 0 <= start < end <= length}).
	 * @param text the chapter's markdown
	 * @param start the first offset
	 * @param end the end offset
	 * @return the anchor
	 * @throws ApiException 400 naming the bad offset
	 */
	static Anchor of(String text, int start, int end) {
		if (start < 0) {
			throw ApiException.invalidField("start_offset", "must be at least 0");
		}
		if (end > text.length()) {
			throw ApiException.invalidField("end_offset",
					"must be at most the chapter's length (" + text.length() + ")");
		}
		if (start >= end) {
			throw ApiException.invalidField("end_offset", "must be greater than start_offset");
		}
		if (splitsCharacter(text, start) || splitsCharacter(text, end)) {
			throw ApiException.invalidField("start_offset", "offsets must not split a character");
		}
		return at(text, start, end);
	}

	private static Anchor at(String text, int start, int end) {
		return new Anchor(start, end, text.substring(start, end), text.substring(Math.max(0, start - CONTEXT), start),
				text.substring(end, Math.min(text.length(), end + CONTEXT)));
	}

	/**
	 * Finds the quoted words in a changed text: among the places they occur, the one
	 * whose surroundings best match the old context, and of those the nearest to the old
	 * position.
	 * @param text the new text
	 * @return the new anchor, or empty when the words no longer occur (orphaned)
	 */
	Optional<Anchor> reanchor(String text) {
		int best = -1;
		int bestContext = -1;
		int bestDistance = Integer.MAX_VALUE;
		for (int at = text.indexOf(this.quote); at >= 0; at = text.indexOf(this.quote, at + 1)) {
			int context = commonSuffix(text, at, this.prefix)
					+ commonPrefix(text, at + this.quote.length(), this.suffix);
			int distance = Math.abs(at - this.start);
			if (context > bestContext || (context == bestContext && distance < bestDistance)) {
				best = at;
				bestContext = context;
				bestDistance = distance;
			}
		}
		return (best < 0) ? Optional.empty() : Optional.of(at(text, best, best + this.quote.length()));
	}

	private static int commonSuffix(String text, int end, String prefix) {
		int matched = 0;
		while (matched < prefix.length() && end - matched - 1 >= 0
				&& text.charAt(end - matched - 1) == prefix.charAt(prefix.length() - matched - 1)) {
			matched++;
		}
		return matched;
	}

	private static int commonPrefix(String text, int start, String suffix) {
		int matched = 0;
		while (matched < suffix.length() && start + matched < text.length()
				&& text.charAt(start + matched) == suffix.charAt(matched)) {
			matched++;
		}
		return matched;
	}

	private static boolean splitsCharacter(String text, int offset) {
		return offset > 0 && offset < text.length() && Character.isHighSurrogate(text.charAt(offset - 1))
				&& Character.isLowSurrogate(text.charAt(offset));
	}

}
