package com.muejam.users;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.muejam.core.error.ApiException;

/**
 * How often a reader gets the digest email, which replaces the emails it covers (replies,
 * new followers, new chapters): never ({@code off}: those come one at a time), every day
 * or every Monday, at 08:00 in the reader's time zone.
 */
public enum Digest {

	OFF, DAILY, WEEKLY;

	/**
	 * How clients and the database spell it.
	 * @return the lower-case name
	 */
	@JsonValue
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @param value what a client sent or the database holds
	 * @return the choice
	 * @throws ApiException a 400 naming {@code digest} for anything else
	 */
	@JsonCreator
	public static Digest fromWire(String value) {
		for (Digest digest : values()) {
			if (digest.wire().equals(value.strip().toLowerCase(Locale.ROOT))) {
				return digest;
			}
		}
		throw ApiException.invalidField("digest", "must be off, daily or weekly");
	}

}
