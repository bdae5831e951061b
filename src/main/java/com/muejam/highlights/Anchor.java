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

	/** The longest quote, in UTF-16 code units. */
	static final int MAX_QUOTE = 4000;

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
		if (end - start > MAX_QUOTE) {
			throw ApiException.invalidField("end_offset",
					"a highlight spans at most " + MAX_QUOTE + " characters after start_offset");
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
		return reanchor(text, new Work());
	}

	/**
	 * Finds the quoted words in a changed text, in work linear in the text's length
	 * however often they occur: every occurrence is found in one Knuth-Morris-Pratt scan
	 * (at most {@code 2 (text + quote)} comparisons) and its context scored in at most
	 * {@code 2 x CONTEXT} more.
	 * @param text the new text
	 * @param work counts the character comparisons made
	 * @return the new anchor, or empty when the words no longer occur (orphaned)
	 */
	Optional<Anchor> reanchor(String text, Work work) {
		int length = this.quote.length();
		int[] border = borders(this.quote, work);
		int best = -1;
		int bestContext = -1;
		int bestDistance = Integer.MAX_VALUE;
		int matched = 0;
		for (int i = 0; i < text.length(); i++) {
			matched = extend(this.quote, border, matched, text.charAt(i), work);
			if (matched == length) {
				int at = i - length + 1;
				int context = commonSuffix(text, at, this.prefix, work)
						+ commonPrefix(text, at + length, this.suffix, work);
				int distance = Math.abs(at - this.start);
				if (context > bestContext || (context == bestContext && distance < bestDistance)) {
					best = at;
					bestContext = context;
					bestDistance = distance;
				}
				matched = border[matched - 1];
			}
		}
		return (best < 0) ? Optional.empty() : Optional.of(at(text, best, best + length));
	}

	/**
	 * The Knuth-Morris-Pratt failure function: for each prefix of the quote, the length
	 * of its longest proper prefix that is also its suffix.
	 */
	private static int[] borders(String quote, Work work) {
		int[] border = new int[quote.length()];
		int k = 0;
		for (int i = 1; i < quote.length(); i++) {
			k = extend(quote, border, k, quote.charAt(i), work);
			border[i] = k;
		}
		return border;
	}

	/**
	 * One Knuth-Morris-Pratt step: how much of the pattern is matched after the next
	 * character, given {@code matched} before it. Each failed comparison shortens the
	 * match, so a scan makes at most twice as many comparisons as characters.
	 */
	private static int extend(String pattern, int[] border, int matched, char next, Work work) {
		int at = matched;
		while (true) {
			if (work.compare(next == pattern.charAt(at))) {
				return at + 1;
			}
			if (at == 0) {
				return 0;
			}
			at = border[at - 1];
		}
	}

	private static int commonSuffix(String text, int end, String prefix, Work work) {
		int matched = 0;
		while (matched < prefix.length() && end - matched - 1 >= 0
				&& work.compare(text.charAt(end - matched - 1) == prefix.charAt(prefix.length() - matched - 1))) {
			matched++;
		}
		return matched;
	}

	private static int commonPrefix(String text, int start, String suffix, Work work) {
		int matched = 0;
		while (matched < suffix.length() && start + matched < text.length()
				&& work.compare(text.charAt(start + matched) == suffix.charAt(matched))) {
			matched++;
		}
		return matched;
	}

	private static boolean splitsCharacter(String text, int offset) {
		return offset > 0 && offset < text.length() && Character.isHighSurrogate(text.charAt(offset - 1))
				&& Character.isLowSurrogate(text.charAt(offset));
	}

	/**
	 * Counts the character comparisons of a re-anchoring: the measure of its cost.
	 */
	static final class Work {

		private long comparisons;

		boolean compare(boolean outcome) {
			this.comparisons++;
			return outcome;
		}

		long comparisons() {
			return this.comparisons;
		}

	}

}
