/**
 * The embedded PostgreSQL for local runs and tests, and the optional read-replica data
 * source.
 */
@NullMarked
package com.muejam.core.database;

import org.jspecify.annotations.NullMarked;
