package com.muejam.core.database;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a write transaction again when PostgreSQL aborted it for a serialization failure
 * ({@code 40001}) or a deadlock ({@code 40P01}): up to 3 retries after a short jittered
 * backoff (Spring Framework's {@link RetryTemplate}). It wraps every
 * {@code @Transactional} method that is not read-only, outside the transaction, and only
 * where that method starts the transaction: a method that joins one already running
 * cannot redo it alone, so its failure goes up to the method that started it.
 */
final class TransientFailureRetry implements MethodInterceptor {

	private static final Logger log = LoggerFactory.getLogger(TransientFailureRetry.class);

	private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40P01");

	private final RetryTemplate retries;

	TransientFailureRetry(int maxRetries, Duration delay) {
		RetryPolicy policy = RetryPolicy.builder()
			.maxRetries(maxRetries)
			.delay(delay)
			.jitter(delay.dividedBy(2))
			.multiplier(2)
			.maxDelay(delay.multipliedBy(10))
			.predicate(TransientFailureRetry::isTransient)
			.build();
		this.retries = new RetryTemplate(policy);
		this.retries.setRetryListener(new RetryListener() {
			@Override
			public void beforeRetry(RetryPolicy retryPolicy, org.springframework.core.retry.Retryable<?> retryable) {
				log.info("Retrying {} after a serialization failure or deadlock", retryable.getName());
			}
		});
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		if (TransactionSynchronizationManager.isActualTransactionActive()
				|| !(invocation instanceof ProxyMethodInvocation proxied)) {
			return invocation.proceed();
		}
		try {
			return this.retries.execute(new org.springframework.core.retry.Retryable<@Nullable Object>() {
				@Override
				public @Nullable Object execute() throws Throwable {
					return proxied.invocableClone().proceed();
				}

				@Override
				public String getName() {
					return invocation.getMethod().getDeclaringClass().getSimpleName() + "."
							+ invocation.getMethod().getName();
				}
			});
		}
		catch (RetryException ex) {
			throw ex.getLastException();
		}
	}

	static boolean isTransient(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && RETRYABLE_STATES.contains(String.valueOf(sql.getSQLState()))) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * Matches the methods that run in a read-write transaction of their own
	 * ({@code @Transactional} on the method or its class, not read-only).
	 */
	static final class WriteTransactions extends StaticMethodMatcherPointcut {

		private final TransactionAttributeSource source = new AnnotationTransactionAttributeSource();

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			TransactionAttribute attribute = this.source.getTransactionAttribute(method, targetClass);
			return attribute != null && !attribute.isReadOnly();
		}

	}

}
