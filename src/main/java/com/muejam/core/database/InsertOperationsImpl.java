package com.muejam.core.database;

import org.springframework.data.jdbc.core.JdbcAggregateOperations;

/**
 * Spring Data finds this implementation of {@link InsertOperations} by its name.
 *
 * @param <T> the aggregate type
 */
class InsertOperationsImpl<T> implements InsertOperations<T> {

	private final JdbcAggregateOperations aggregates;

	InsertOperationsImpl(JdbcAggregateOperations aggregates) {
		this.aggregates = aggregates;
	}

	@Override
	public T insert(T aggregate) {
		return this.aggregates.insert(aggregate);
	}

}
