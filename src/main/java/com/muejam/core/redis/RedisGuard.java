package com.muejam.core.redis;

import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call to Redis goes through here: a circuit breaker that, once Redis fails or
 * times out repeatedly, skips it at once for a while instead of making each request wait
 * for a timeout; and a fallback that keeps the request working without Redis (a cache
 * miss, an unlimited rate-limit decision, an in-process delivery). Each fallback is
 * counted ({@code muejam.redis.fallbacks}) and logged.
 */
public class RedisGuard {

	private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);

	private final CircuitBreaker breaker;

	private final MeterRegistry meters;

	public RedisGuard(CircuitBreaker breaker, MeterRegistry meters) {
		this.breaker = breaker;
		this.meters = meters;
		breaker.getEventPublisher()
			.onStateTransition((event) -> log.warn("Redis circuit breaker {}", event.getStateTransition()));
	}

	/**
	 * Runs a Redis operation, or its fallback when Redis fails or the breaker is open.
	 * @param <T> the result type
	 * @param operation what it is, for metrics and logs (e.g. {@code cache.get})
	 * @param action the Redis operation
	 * @param fallback what to answer without Redis
	 * @return the operation's or the fallback's result
	 */
	public <T extends @Nullable Object> T call(String operation, Supplier<T> action, Supplier<T> fallback) {
		try {
			return this.breaker.executeSupplier(action);
		}
		catch (CallNotPermittedException ex) {
			count(operation);
			return fallback.get();
		}
		catch (RuntimeException ex) {
			count(operation);
			log.warn("Redis {} failed, carrying on without it: {}", operation, ex.toString());
			return fallback.get();
		}
	}

	/**
	 * Runs a Redis operation whose failure only needs logging.
	 * @param operation what it is
	 * @param action the Redis operation
	 */
	public void run(String operation, Runnable action) {
		call(operation, () -> {
			action.run();
			return null;
		}, () -> null);
	}

	/**
	 * @return whether calls currently reach Redis (the breaker is not open)
	 */
	public boolean isCallPermitted() {
		return this.breaker.getState() != CircuitBreaker.State.OPEN
				&& this.breaker.getState() != CircuitBreaker.State.FORCED_OPEN;
	}

	private void count(String operation) {
		Counter.builder("muejam.redis.fallbacks")
			.description("Redis operations answered without Redis (failure or open circuit)")
			.tag("operation", operation)
			.register(this.meters)
			.increment();
	}

}
