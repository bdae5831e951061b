package com.muejam.core.pagination;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A keyset-paged statement's text, formatted once for the first page and once for the
 * pages after it, not on every request: {@code String.formatted} parses its format each
 * time, and for a long statement with a few fragments that was a fiftieth of a library
 * page's time.
 */
public final class PagedSql {

	private static final Keyset ANY_POSITION = new Keyset(Instant.EPOCH, new UUID(0, 0));

	private final String first;

	private final String after;

	private PagedSql(String first, String after) {
		this.first = first;
		this.after = after;
	}

	/**
	 * Formats a statement's text for both kinds of page.
	 * @param text the text for a page after a position, or for the first page when given
	 * {@code null}; it may ask the position only whether there is one, as
	 * {@link Keyset#seekDescending} and {@link Seek} do
	 * @return both texts
	 */
	public static PagedSql of(Function<@Nullable Keyset, String> text) {
		return new PagedSql(text.apply(null), text.apply(ANY_POSITION));
	}

	/**
	 * The text for a page.
	 * @param after the position the page continues after, or {@code null} on the first
	 * page
	 * @return the statement's text
	 */
	public String text(@Nullable Keyset after) {
		return (after != null) ? this.after : this.first;
	}

}
