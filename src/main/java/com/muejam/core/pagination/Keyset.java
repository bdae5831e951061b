package com.muejam.core.pagination;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The most common keyset position: a timestamp and the row id that breaks ties.
 *
 * @param at the sort timestamp of the last row of a page
 * @param id the id of that row
 */
public record Keyset(Instant at, UUID id) {

	/**
	 * The seek's parameters. The timestamp is bound as its ISO-8601 text and cast by
	 * PostgreSQL: the driver binds a {@code Timestamp} through a calendar it builds anew
	 * for every statement, a third of the time a page spent binding its parameters
	 * (docs/benchmarks.md, twenty-second pass).
	 */
	private static final String PARAMETERS = "cast(:at as timestamptz), :id";

	/**
	 * Encodes this position as a cursor of the named list.
	 * @param cursors the codec
	 * @param list the list's name
	 * @return the cursor
	 */
	public String encode(CursorCodec cursors, String list) {
		return cursors.encode(list, List.of(this.at.toString(), this.id.toString()));
	}

	/**
	 * Decodes a cursor made by {@link #encode}.
	 * @param cursors the codec
	 * @param list the list's name
	 * @param cursor the cursor
	 * @return the position
	 * @throws InvalidCursor if the cursor is not a position of that list
	 */
	public static Keyset decode(CursorCodec cursors, String list, String cursor) {
		return cursors.decode(list, cursor, Keyset::of);
	}

	/**
	 * The position a page of the named list continues after.
	 * @param cursors the codec
	 * @param list the list's name
	 * @param page the paging parameters
	 * @return the position, or {@code null} on the first page
	 * @throws InvalidCursor if the cursor is not a position of that list
	 */
	public static @Nullable Keyset after(CursorCodec cursors, String list, PageParams page) {
		return cursors.after(list, page, Keyset::of);
	}

	private static Keyset of(List<String> values) {
		if (values.size() != 2) {
			throw new InvalidCursor();
		}
		return new Keyset(Instant.parse(values.get(0)), UUID.fromString(values.get(1)));
	}

	/**
	 * The SQL condition that continues a list ordered by {@code columns} descending after
	 * this position: {@code and (<columns>) < (:at, :id)} (the timestamp cast from its
	 * text), or nothing on the first page. Bind {@link #params(Keyset)} with it.
	 * @param after the position of the previous page's last row, or {@code null}
	 * @param columns the sort columns, e.g. {@code "created_at, id"}
	 * @return the condition
	 */
	public static String seekDescending(@Nullable Keyset after, String columns) {
		return Seek.descending(after, columns, PARAMETERS);
	}

	/**
	 * As {@link #seekDescending}, for a list ordered by {@code columns} ascending.
	 * @param after the position of the previous page's last row, or {@code null}
	 * @param columns the sort columns
	 * @return the condition
	 */
	public static String seekAscending(@Nullable Keyset after, String columns) {
		return Seek.ascending(after, columns, PARAMETERS);
	}

	/**
	 * The parameters of a seek condition.
	 * @param after the position, or {@code null} on the first page
	 * @return {@code at} (as text) and {@code id}, or nothing
	 */
	public static Map<String, ?> params(@Nullable Keyset after) {
		return (after != null) ? Map.of("at", after.at().toString(), "id", after.id()) : Map.of();
	}

}
