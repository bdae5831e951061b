package com.muejam.core.pagination;

import org.jspecify.annotations.Nullable;

/**
 * The SQL conditions that continue a keyset-ordered list after a position: the only way a
 * list query seeks. Each returns {@code and <condition>} to place in a text block through
 * {@code .formatted(...)}, or nothing on the first page (no position); the query binds
 * the named parameters the condition mentions.
 */
public final class Seek {

	private Seek() {
	}

	/**
	 * Continues a list ordered by {@code columns} descending:
	 * {@code and (<columns>) < (<parameters>)}.
	 * @param after the previous page's last position, or {@code null} on the first page
	 * @param columns the sort columns, e.g. {@code "created_at, id"}
	 * @param parameters their named parameters, e.g. {@code ":at, :id"}
	 * @return the condition, or an empty string
	 */
	public static String descending(@Nullable Object after, String columns, String parameters) {
		return (after != null) ? "and (" + columns + ") < (" + parameters + ")" : "";
	}

	/**
	 * Continues a list ordered by {@code columns} ascending:
	 * {@code and (<columns>) > (<parameters>)}.
	 * @param after the previous page's last position, or {@code null} on the first page
	 * @param columns the sort columns
	 * @param parameters their named parameters
	 * @return the condition, or an empty string
	 */
	public static String ascending(@Nullable Object after, String columns, String parameters) {
		return (after != null) ? "and (" + columns + ") > (" + parameters + ")" : "";
	}

	/**
	 * Continues a list ordered by {@code first} descending, then by the unique
	 * {@code second} ascending (a row comparison cannot mix directions).
	 * @param after the previous page's last position, or {@code null} on the first page
	 * @param first the leading sort column
	 * @param firstParameter its named parameter
	 * @param second the tie-breaking column
	 * @param secondParameter its named parameter
	 * @return the condition, or an empty string
	 */
	public static String descendingThenAscending(@Nullable Object after, String first, String firstParameter,
			String second, String secondParameter) {
		return (after != null) ? "and (" + first + " < " + firstParameter + " or (" + first + " = " + firstParameter
				+ " and " + second + " > " + secondParameter + "))" : "";
	}

}
