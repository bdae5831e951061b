package com.muejam.whispers;

import java.util.regex.Pattern;

import com.muejam.core.error.ApiException;

/**
 * The text of a whisper: trimmed, 1 to 280 user-perceived characters (grapheme clusters,
 * so an emoji with modifiers counts once).
 */
final class WhisperContent {

	static final int MAX_CHARACTERS = 280;

	private static final int MAX_CODE_POINTS = 4000;

	private static final Pattern GRAPHEME = Pattern.compile("\\X");

	private WhisperContent() {
	}

	static String clean(String content) {
		String stripped = content.strip();
		if (stripped.isEmpty()) {
			throw ApiException.invalidField("content", "must not be blank");
		}
		long characters = GRAPHEME.matcher(stripped).results().count();
		if (characters > MAX_CHARACTERS || stripped.codePointCount(0, stripped.length()) > MAX_CODE_POINTS) {
			throw ApiException.invalidField("content", "must be at most " + MAX_CHARACTERS + " characters");
		}
		return stripped;
	}

}
