package com.muejam.support;

import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

/**
 * Asks PostgreSQL how it runs a statement the application ran (captured with
 * {@link StatementCounter#capture(Runnable)}), with the same parameters, so tests can
 * show what a read really costs, not only how many statements it takes: the tables it
 * touches (under {@code EXPLAIN ANALYZE}), and, run again on a pooled connection past the
 * driver's prepare threshold as the application runs it, the plans PostgreSQL kept and
 * the rows the kept plan reads.
 */
public final class QueryPlans {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private QueryPlans() {
	}

	/**
	 * The tables a statement read rows from when it ran again: plan nodes that were never
	 * executed (a branch the data did not take) do not count.
	 * @param dataSource where to run it
	 * @param query the statement and its parameters
	 * @return the names of the tables read
	 */
	public static Set<String> tablesRead(DataSource dataSource, QueryInfo query) {
		Set<String> tables = new TreeSet<>();
		collect(plan(dataSource, query), tables);
		return tables;
	}

	/**
	 * The rows a statement the application ran reads from a table when it runs again as
	 * the application runs it, on one of the pool's connections (so with the plan the
	 * pool's settings give it): it runs {@code executions} times (the driver prepares it
	 * on the server after the fifth), and the last run's reads are counted from
	 * PostgreSQL's statistics of the transaction, which is then rolled back.
	 * @param dataSource the application's pool
	 * @param query the statement and its parameters
	 * @param table the table
	 * @param executions how many times to run it, the last one counted
	 * @return the rows the last run read from the table, by any scan
	 */
	public static long rowsReadWhenReused(DataSource dataSource, QueryInfo query, String table, int executions) {
		return rowsReadWhenReused(dataSource, query, table, executions, null);
	}

	/**
	 * As {@link #rowsReadWhenReused(DataSource, QueryInfo, String, int)}, for a statement
	 * the application runs with its own {@code plan_cache_mode} (set for its
	 * transaction).
	 * @param dataSource the application's pool
	 * @param query the statement and its parameters
	 * @param table the table
	 * @param executions how many times to run it, the last one counted
	 * @param planCacheMode the {@code plan_cache_mode} to run it with, or {@code null}
	 * for the pool's
	 * @return the rows the last run read from the table, by any scan
	 */
	public static long rowsReadWhenReused(DataSource dataSource, QueryInfo query, String table, int executions,
			@Nullable String planCacheMode) {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(query.getQuery())) {
			connection.setAutoCommit(false);
			try {
				if (planCacheMode != null) {
					try (PreparedStatement setting = connection
						.prepareStatement("select set_config('plan_cache_mode', ?, true)")) {
						setting.setString(1, planCacheMode);
						setting.execute();
					}
				}
				bind(statement, query);
				for (int i = 1; i < executions; i++) {
					statement.execute();
				}
				long before = rowsRead(connection, table);
				statement.execute();
				return rowsRead(connection, table) - before;
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}
		catch (SQLException | IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Could not run " + query.getQuery(), ex);
		}
	}

	/**
	 * The rows read from a table so far in this transaction: by sequential and bitmap
	 * scans, counted on the table, and by index scans, counted on each index as the
	 * entries it returned (PostgreSQL 18 counts an index scan's rows on the index only).
	 */
	private static long rowsRead(Connection connection, String table) throws SQLException {
		try (PreparedStatement counts = connection.prepareStatement("""
				select pg_stat_get_xact_tuples_returned(t.oid) + pg_stat_get_xact_tuples_fetched(t.oid)
				       + coalesce((select sum(pg_stat_get_xact_tuples_returned(i.indexrelid)) from pg_index i
				                   where i.indrelid = t.oid), 0)
				from pg_class t where t.oid = cast(? as regclass)""")) {
			counts.setString(1, table);
			try (ResultSet rows = counts.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	/**
	 * How PostgreSQL planned a statement the application ran when it runs again, many
	 * times, on one of the pool's connections: the plans it made for the values of each
	 * execution (custom) and the plans it reused (generic). The driver prepares the
	 * statement on the server after its fifth execution.
	 * @param dataSource the application's pool
	 * @param query the statement and its parameters
	 * @param executions how many times to run it
	 * @return the plans, counted over the prepared statements of that connection
	 */
	public static PlanChoices planChoices(DataSource dataSource, QueryInfo query, int executions) {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(query.getQuery())) {
			PlanChoices before = planChoices(connection);
			bind(statement, query);
			for (int i = 0; i < executions; i++) {
				statement.executeQuery().close();
			}
			PlanChoices after = planChoices(connection);
			return new PlanChoices(after.generic() - before.generic(), after.custom() - before.custom());
		}
		catch (SQLException | IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Could not run " + query.getQuery(), ex);
		}
	}

	private static PlanChoices planChoices(Connection connection) throws SQLException {
		try (PreparedStatement counts = connection.prepareStatement("""
				select coalesce(sum(generic_plans), 0), coalesce(sum(custom_plans), 0) from pg_prepared_statements""");
				ResultSet rows = counts.executeQuery()) {
			rows.next();
			return new PlanChoices(rows.getLong(1), rows.getLong(2));
		}
	}

	private static void bind(PreparedStatement statement, QueryInfo query)
			throws IllegalAccessException, InvocationTargetException {
		List<List<ParameterSetOperation>> parameters = query.getParametersList();
		if (!parameters.isEmpty()) {
			for (ParameterSetOperation operation : parameters.get(0)) {
				operation.getMethod().invoke(statement, operation.getArgs());
			}
		}
	}

	private static JsonNode plan(DataSource dataSource, QueryInfo query) {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement explain = connection
					.prepareStatement("explain (analyze, format json) " + query.getQuery())) {
			bind(explain, query);
			try (ResultSet plan = explain.executeQuery()) {
				plan.next();
				return JSON.readTree(plan.getString(1)).get(0).path("Plan");
			}
		}
		catch (SQLException | IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Could not explain " + query.getQuery(), ex);
		}
	}

	private static void collect(JsonNode node, Set<String> tables) {
		if (node.path("Actual Loops").asLong() == 0) {
			return;
		}
		if (node.has("Relation Name")) {
			tables.add(node.path("Relation Name").asString());
		}
		for (JsonNode child : node.path("Plans")) {
			collect(child, tables);
		}
	}

	/**
	 * Plans PostgreSQL reused and plans it made for one execution's values.
	 *
	 * @param generic executions that reused the statement's generic plan
	 * @param custom executions planned for their own values
	 */
	public record PlanChoices(long generic, long custom) {
	}

}
