/**
 * The embedded PostgreSQL for local runs and tests, the optional read-replica data
 * source, and {@link com.muejam.core.database.InsertOperations}, the repository fragment
 * that inserts a new aggregate (Spring Data JDBC).
 */
@NullMarked
package com.muejam.core.database;

import org.jspecify.annotations.NullMarked;
