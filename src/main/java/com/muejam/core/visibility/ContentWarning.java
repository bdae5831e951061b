package com.muejam.core.visibility;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.muejam.core.error.ApiException;

/**
 * A content warning an author can put on a story, from a fixed list so that readers can
 * rely on the words. Spelled in lower snake case ({@code self_harm}).
 */
public enum ContentWarning {

	VIOLENCE, GRAPHIC_VIOLENCE, SELF_HARM, SUICIDE, SEXUAL_CONTENT, SEXUAL_VIOLENCE, ABUSE, SUBSTANCE_USE,
	EATING_DISORDERS, DEATH, STRONG_LANGUAGE;

	/**
	 * How clients and the database spell it.
	 * @return the lower-case name
	 */
	@JsonValue
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The warning a client sent or the database holds, in any case.
	 * @param value the value
	 * @return the warning
	 * @throws ApiException a 400 naming {@code content_warnings} for anything else
	 */
	@JsonCreator
	public static ContentWarning fromWire(String value) {
		String wanted = value.strip().toLowerCase(Locale.ROOT);
		for (ContentWarning warning : values()) {
			if (warning.wire().equals(wanted)) {
				return warning;
			}
		}
		throw ApiException.invalidField("content_warnings", "has an unknown warning: " + value);
	}

}
