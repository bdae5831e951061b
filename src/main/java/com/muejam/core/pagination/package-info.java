/**
 * Keyset pagination: opaque cursors, page parameters and the page response shape.
 * <p>
 * One idiom for every list. A service reads the position a page continues after with
 * {@link com.muejam.core.pagination.Keyset#after Keyset.after(cursors, list, page)} for
 * (timestamp, id) lists, or {@link com.muejam.core.pagination.CursorCodec#after
 * CursorCodec.after(list, page, reader)} with a typed position (search rank, chapter
 * number, discovery score); both return {@code null} on the first page and turn any
 * cursor that does not parse into {@link com.muejam.core.pagination.InvalidCursor}, so no
 * service catches exceptions for cursors. It builds the page with
 * {@link com.muejam.core.pagination.CursorPage#of}.
 * <p>
 * SQL style: a query is one text block with named parameters (never positional {@code ?},
 * never {@code StringBuilder} or {@code +}). The only composition allowed is the text
 * block's {@code .formatted(...)} with fragments from this package's helpers (the seek
 * conditions of {@link com.muejam.core.pagination.Seek} and
 * {@link com.muejam.core.pagination.Keyset#seekDescending}) or SQL fragment constants a
 * module declares itself (such as the stories module's visible-story condition). States
 * are bound as parameters from their enums.
 */
@NullMarked
package com.muejam.core.pagination;

import org.jspecify.annotations.NullMarked;
