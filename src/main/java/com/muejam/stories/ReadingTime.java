package com.muejam.stories;

/**
 * How long a text takes to read: at 230 words a minute, rounded up.
 */
final class ReadingTime {

	static final int WORDS_PER_MINUTE = 230;

	private ReadingTime() {
	}

	static int minutes(int words) {
		return (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE;
	}

}
