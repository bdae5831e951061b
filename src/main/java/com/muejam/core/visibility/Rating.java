package com.muejam.core.visibility;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.muejam.core.error.ApiException;

/**
 * A story's content rating, AO3's scale from least to most restricted. Clients and the
 * database spell it in lower case ({@code mature}).
 */
public enum Rating {

	GENERAL, TEEN, MATURE, EXPLICIT;

	/**
	 * How clients and the database spell it.
	 * @return the lower-case name
	 */
	@JsonValue
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether a reader whose limit is this rating may see a story rated {@code rating}.
	 * @param rating the story's rating
	 * @return {@code true} if it is at most this one
	 */
	public boolean admits(Rating rating) {
		return rating.ordinal() <= ordinal();
	}

	/**
	 * The ratings up to this one, as stored, for an SQL {@code = any(...)} condition.
	 * @return the lower-case names of the admitted ratings
	 */
	public String[] admitted() {
		return Arrays.stream(values()).filter(this::admits).map(Rating::wire).toArray(String[]::new);
	}

	/**
	 * The rating a client sent or the database holds, in any case.
	 * @param value the value
	 * @return the rating
	 * @throws ApiException a 400 naming {@code rating} for anything else
	 */
	@JsonCreator
	public static Rating fromWire(String value) {
		String wanted = value.strip().toLowerCase(Locale.ROOT);
		for (Rating rating : values()) {
			if (rating.wire().equals(wanted)) {
				return rating;
			}
		}
		throw ApiException.invalidField("rating", "must be general, teen, mature or explicit");
	}

}
