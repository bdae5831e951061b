package com.muejam.support;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the application runs, so tests can show that a list page
 * costs a fixed number of statements whatever its size; the transactions it begins, so
 * tests can show that a read runs without one; and the pooled connections one thread
 * holds at once, so tests can show that a request never needs a second connection while
 * it holds one (which starves the pool under load: every thread holding one connection
 * and waiting for another).
 */
public class StatementCounter implements BeanPostProcessor, QueryExecutionListener, MethodExecutionListener {

	private final AtomicLong statements = new AtomicLong();

	private final AtomicLong transactions = new AtomicLong();

	private final AtomicLong connectionsTaken = new AtomicLong();

	private final ThreadLocal<int[]> connectionsHeld = ThreadLocal.withInitial(() -> new int[1]);

	private final AtomicInteger mostConnectionsHeld = new AtomicInteger();

	private final AtomicInteger connectionsOpen = new AtomicInteger();

	private volatile @Nullable List<QueryInfo> captured;

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
			return ProxyDataSourceBuilder.create(dataSource).name(beanName).listener(this).methodListener(this).build();
		}
		return bean;
	}

	@Override
	public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
	}

	@Override
	public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		this.statements.addAndGet(queries.size());
		List<QueryInfo> sink = this.captured;
		if (sink != null) {
			sink.addAll(queries);
		}
	}

	@Override
	public void beforeMethod(MethodExecutionContext execution) {
	}

	@Override
	public void afterMethod(MethodExecutionContext execution) {
		String method = execution.getMethod().getName();
		Object[] arguments = execution.getMethodArgs();
		if (method.equals("getConnection") && execution.getTarget() instanceof DataSource
				&& execution.getThrown() == null) {
			this.mostConnectionsHeld.accumulateAndGet(++this.connectionsHeld.get()[0], Math::max);
			this.connectionsOpen.incrementAndGet();
			this.connectionsTaken.incrementAndGet();
		}
		if (method.equals("close") && execution.getTarget() instanceof Connection) {
			this.connectionsHeld.get()[0]--;
			this.connectionsOpen.decrementAndGet();
		}
		if (method.equals("setAutoCommit") && arguments != null && Boolean.FALSE.equals(arguments[0])) {
			this.transactions.incrementAndGet();
		}
	}

	/**
	 * Runs an action and returns the most pooled connections any one thread held at once
	 * meanwhile (the thread serving a request, or one running a listener).
	 * @param action what to run
	 * @return the most connections one thread held at once
	 */
	public int mostConnectionsHeldByOneThread(Runnable action) {
		awaitQuiet();
		this.mostConnectionsHeld.set(0);
		action.run();
		awaitQuiet();
		return this.mostConnectionsHeld.get();
	}

	/**
	 * Runs an action and returns the statements it ran, with their parameters (see
	 * {@link QueryPlans} to ask PostgreSQL how it runs them).
	 * @param action what to run
	 * @return the statements, in the order they ran
	 */
	public List<QueryInfo> capture(Runnable action) {
		awaitQuiet();
		List<QueryInfo> sink = Collections.synchronizedList(new ArrayList<>());
		this.captured = sink;
		try {
			action.run();
		}
		finally {
			this.captured = null;
		}
		synchronized (sink) {
			return List.copyOf(sink);
		}
	}

	/**
	 * Runs an action twice and counts the transactions it began (connections switched out
	 * of auto-commit), the fewer of the two counts as for {@link #count(Runnable)}.
	 * @param action what to run
	 * @return the number of transactions
	 */
	public long countTransactions(Runnable action) {
		return fewest(action, this.transactions);
	}

	/**
	 * Runs an action twice and counts the pooled connections it took, the fewer of the
	 * two counts as for {@link #count(Runnable)}: a request served from memory takes
	 * none, so it never waits for one when the pool is busy.
	 * @param action what to run
	 * @return the number of connections taken from the pool
	 */
	public long countConnections(Runnable action) {
		return fewest(action, this.connectionsTaken);
	}

	/**
	 * Runs an action twice and counts the statements it caused. Background work (event
	 * listeners of earlier requests, on other threads) can only add statements, so the
	 * fewer of the two counts is the action's own cost.
	 * @param action what to run (a repeatable read, for example a GET request)
	 * @return the number of statements
	 */
	public long count(Runnable action) {
		return fewest(action, this.statements);
	}

	private long fewest(Runnable action, AtomicLong counter) {
		long fewest = Long.MAX_VALUE;
		for (int run = 0; run < 2; run++) {
			awaitQuiet();
			long before = counter.get();
			action.run();
			fewest = Math.min(fewest, counter.get() - before);
		}
		return fewest;
	}

	/**
	 * Waits until background work (event listeners after an earlier request) is done, so
	 * it is not counted against the measured action: no connection is checked out and no
	 * statement has run for 100 ms.
	 */
	private void awaitQuiet() {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		long seen = this.statements.get();
		long quietSince = System.nanoTime();
		while (System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			long now = this.statements.get();
			if (now != seen || this.connectionsOpen.get() > 0) {
				seen = now;
				quietSince = System.nanoTime();
			}
			else if (System.nanoTime() - quietSince >= TimeUnit.MILLISECONDS.toNanos(100)) {
				return;
			}
		}
	}

}
