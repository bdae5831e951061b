package com.muejam.core.database;

/**
 * A repository fragment that inserts a new aggregate. The aggregates assign their own
 * ids, so Spring Data JDBC's {@code save} cannot tell a new one from a changed one and
 * always updates; a repository that creates aggregates extends this and calls
 * {@link #insert} for them, {@code save} for changes.
 *
 * @param <T> the aggregate type
 */
public interface InsertOperations<T> {

	/**
	 * Inserts a new aggregate.
	 * @param aggregate the aggregate, not yet stored
	 * @return the aggregate
	 */
	T insert(T aggregate);

}
