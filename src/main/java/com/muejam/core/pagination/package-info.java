/**
 * Keyset pagination: opaque cursors, page parameters and the page response shape.
 */
@NullMarked
package com.muejam.core.pagination;

import org.jspecify.annotations.NullMarked;
