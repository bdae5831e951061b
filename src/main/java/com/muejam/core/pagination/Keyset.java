package com.muejam.core.pagination;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * The most common keyset position: a timestamp and the row id that breaks ties.
 *
 * @param at the sort timestamp of the last row of a page
 * @param id the id of that row
 */
public record Keyset(Instant at, UUID id) {

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
		List<String> values = cursors.decode(list, cursor);
		if (values.size() != 2) {
			throw new InvalidCursor();
		}
		try {
			return new Keyset(Instant.parse(values.get(0)), UUID.fromString(values.get(1)));
		}
		catch (DateTimeParseException | IllegalArgumentException ex) {
			throw new InvalidCursor();
		}
	}

}
