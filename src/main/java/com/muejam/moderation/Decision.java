package com.muejam.moderation;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.muejam.core.error.ApiException;

/**
 * What a moderator decides about a report. Clients spell it in lower case
 * ({@code hide_content}); the reports and the audit log store the constant's name
 * ({@code HIDE_CONTENT}) as the outcome.
 */
enum Decision {

	DISMISS, HIDE_CONTENT, SUSPEND_USER;

	/**
	 * How clients spell it.
	 * @return the lower-case name
	 */
	@JsonValue
	String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The decision a client sent, in any case.
	 * @param value the request value
	 * @return the decision
	 * @throws ApiException a 400 naming {@code action} for anything else
	 */
	@JsonCreator
	static Decision fromWire(String value) {
		String wanted = value.strip().toLowerCase(Locale.ROOT);
		for (Decision decision : values()) {
			if (decision.wire().equals(wanted)) {
				return decision;
			}
		}
		throw ApiException.invalidField("action", "must be dismiss, hide_content or suspend_user");
	}

}
