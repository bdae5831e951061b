package com.muejam.core.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * The one place that decides whether a failure means "the database cannot serve this now"
 * (unreachable, shutting down, failing over, pool exhausted, a statement or lock timeout,
 * a transaction deadline, a serialization failure still lost after its retries, a commit
 * or rollback that failed because the connection broke): such a failure is a 503
 * {@code SERVICE_UNAVAILABLE} with {@code Retry-After}, never a 500. The whole cause
 * chain is read, so wrapped causes are seen through.
 */
final class DatabaseUnavailable {

	/** Seconds a client should wait before retrying. */
	static final String RETRY_AFTER_SECONDS = "2";

	static final String MESSAGE = "The database is temporarily unavailable; retry shortly";

	/**
	 * SQLStates: class 08 (connection exception) is matched by prefix; admin_shutdown,
	 * crash_shutdown, cannot_connect_now, query_canceled (statement timeout),
	 * lock_not_available (lock timeout), too_many_connections, serialization_failure,
	 * deadlock_detected.
	 */
	private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "57014", "55P03", "53300", "40001",
			"40P01");

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

	private DatabaseUnavailable() {
	}

	static boolean isCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof TransientDataAccessResourceException || cause instanceof QueryTimeoutException
					|| cause instanceof TransactionTimedOutException || cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof SQLTimeoutException
					|| cause instanceof TransactionSystemException) {
				return true;
			}
			if (cause instanceof SQLException sql && unavailableState(sql.getSQLState())) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * The one line logged for a request the database could not serve.
	 * @param request the request
	 * @param ex what failed
	 */
	static void warn(HttpServletRequest request, Throwable ex) {
		log.warn("Database unavailable serving {} {}: {}", request.getMethod(), request.getRequestURI(),
				ex.getMessage());
	}

	static HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		return headers;
	}

	private static boolean unavailableState(@Nullable String state) {
		return state != null && (state.startsWith("08") || STATES.contains(state));
	}

}
