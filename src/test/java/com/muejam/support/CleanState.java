package com.muejam.support;

import java.util.List;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.muejam.users.SignInMemory;

import org.springframework.cache.CacheManager;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Empties every application table (all but Flyway's history), every cache and the
 * remembered sign-ins before each test, and sends its signed-out requests from a client
 * address of its own (a per-address rate limit), so tests sharing a cached application
 * context stay independent.
 */
public class CleanState implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext extension) {
		clean(SpringExtension.getApplicationContext(extension));
	}

	public static void clean(ApplicationContext context) {
		JdbcClient jdbc = JdbcClient.create(context.getBean(javax.sql.DataSource.class));
		List<String> tables = jdbc.sql("""
				select quote_ident(tablename) from pg_tables
				where schemaname = 'public' and tablename <> 'flyway_schema_history'""").query(String.class).list();
		String truncate = "truncate table " + String.join(", ", tables) + " restart identity cascade";
		// a listener of the previous test may still be writing: its row locks and the
		// truncation's table locks can deadlock, and PostgreSQL then cancels one of them
		for (int attempt = 1;; attempt++) {
			try {
				jdbc.sql(truncate).update();
				break;
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt == 5) {
					throw ex;
				}
				sleep(100L * attempt);
			}
		}
		CacheManager caches = context.getBean(CacheManager.class);
		caches.getCacheNames().forEach((name) -> caches.getCache(name).clear());
		context.getBeanProvider(SignInMemory.class).ifAvailable(SignInMemory::forgetAll);
		context.getBeanProvider(Api.class).ifAvailable(Api::newClientAddress);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
