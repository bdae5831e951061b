package com.muejam.core.pagination;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One page of a list: the items and the cursor of the next page ({@code null} on the
 * last).
 *
 * @param <T> the item type
 * @param data the items of this page
 * @param nextCursor opaque cursor for the next page, or {@code null}
 */
public record CursorPage<T>(List<T> data, @Nullable String nextCursor) {

	/**
	 * Builds a page from rows fetched with {@link PageParams#fetchSize()}: the extra row,
	 * if present, is dropped and proves that a next page exists.
	 * @param <T> the item type
	 * @param rows the fetched rows, in list order
	 * @param page the paging parameters
	 * @param cursorOf encodes the cursor that continues after a given row
	 * @return the page
	 */
	public static <T> CursorPage<T> of(List<T> rows, PageParams page, Function<T, String> cursorOf) {
		if (rows.size() <= page.size()) {
			return new CursorPage<>(List.copyOf(rows), null);
		}
		List<T> data = List.copyOf(rows.subList(0, page.size()));
		return new CursorPage<>(data, cursorOf.apply(data.getLast()));
	}

	public <R> CursorPage<R> map(Function<? super T, R> mapper) {
		return new CursorPage<>(this.data.stream().<R>map(mapper).toList(), this.nextCursor);
	}

	/**
	 * As {@link #map}, leaving out the items that map to {@code null} (such as rows whose
	 * subject went away between two statements) and keeping the next page's cursor.
	 * @param <R> the new item type
	 * @param mapper what each item becomes, or {@code null} to leave it out
	 * @return the page
	 */
	public <R> CursorPage<R> mapPresent(Function<? super T, @Nullable R> mapper) {
		return new CursorPage<>(this.data.stream().<@Nullable R>map(mapper).filter(Objects::nonNull).toList(),
				this.nextCursor);
	}

}
