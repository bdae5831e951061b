package com.muejam.whispers;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.muejam.core.error.ApiException;

/**
 * What a whisper is about.
 */
enum Scope {

	GLOBAL, STORY, HIGHLIGHT;

	/**
	 * Reads a scope, ignoring case; absent means {@link #GLOBAL}.
	 * @param field the request field, for the error
	 * @param value what the client sent
	 * @return the scope
	 */
	static Scope parse(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return GLOBAL;
		}
		try {
			return valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalidField(field, "must be one of global, story, highlight");
		}
	}

}
