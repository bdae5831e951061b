package com.muejam.users;

import java.util.Locale;
import java.util.regex.Pattern;

import com.muejam.core.error.ApiException;

/**
 * A user's handle: 3-30 letters, digits or underscores, unique regardless of case.
 *
 * @param value the handle as the user wrote it
 */
record Handle(String value) {

	static final String RULE = "must be 3-30 letters, digits or underscores";

	private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_]{3,30}");

	Handle {
		if (!isValid(value)) {
			throw ApiException.invalidField("handle", RULE);
		}
	}

	static boolean isValid(String candidate) {
		return candidate != null && FORMAT.matcher(candidate).matches();
	}

	/**
	 * The form handles are compared and looked up in.
	 * @return the lower-case handle
	 */
	String normalized() {
		return this.value.toLowerCase(Locale.ROOT);
	}

}
