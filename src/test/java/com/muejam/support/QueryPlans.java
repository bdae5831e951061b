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

/**
 * Asks PostgreSQL how it runs a statement the application ran (captured with
 * {@link StatementCounter#capture(Runnable)}): the statement is run again under
 * {@code EXPLAIN ANALYZE} with the same parameters, so tests can show which tables a read
 * really touches, not only how many statements it takes.
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
	 * The rows a statement read from a table when it ran again: the rows each scan of it
	 * gave, and the rows its filters or index rechecks threw away, over all its loops.
	 * @param dataSource where to run it
	 * @param query the statement and its parameters
	 * @param table the table
	 * @return the rows read
	 */
	public static long rowsRead(DataSource dataSource, QueryInfo query, String table) {
		return rowsRead(plan(dataSource, query), table);
	}

	private static long rowsRead(JsonNode node, String table) {
		long rows = 0;
		if (table.equals(node.path("Relation Name").asString(""))) {
			rows += Math.round((node.path("Actual Rows").asDouble() + node.path("Rows Removed by Filter").asDouble()
					+ node.path("Rows Removed by Index Recheck").asDouble()) * node.path("Actual Loops").asDouble());
		}
		for (JsonNode child : node.path("Plans")) {
			rows += rowsRead(child, table);
		}
		return rows;
	}

	private static JsonNode plan(DataSource dataSource, QueryInfo query) {
		List<List<ParameterSetOperation>> parameters = query.getParametersList();
		try (Connection connection = dataSource.getConnection();
				PreparedStatement explain = connection
					.prepareStatement("explain (analyze, format json) " + query.getQuery())) {
			if (!parameters.isEmpty()) {
				for (ParameterSetOperation operation : parameters.get(0)) {
					operation.getMethod().invoke(explain, operation.getArgs());
				}
			}
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

}
