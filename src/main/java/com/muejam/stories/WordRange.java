package com.muejam.stories;

import org.jspecify.annotations.Nullable;

import com.muejam.core.error.ApiException;

/**
 * The story lengths a list asks for ({@code min_words} / {@code max_words}), both bounds
 * included; absent bounds are open.
 *
 * @param min the fewest words
 * @param max the most words
 */
record WordRange(int min, int max) {

	/** Every length. */
	static final WordRange ANY = new WordRange(0, Integer.MAX_VALUE);

	static WordRange of(@Nullable Integer min, @Nullable Integer max) {
		int from = (min != null) ? min : 0;
		int to = (max != null) ? max : Integer.MAX_VALUE;
		if (from > to) {
			throw ApiException.invalidField("max_words", "must not be less than min_words");
		}
		return new WordRange(from, to);
	}

}
