package com.muejam.core.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import com.muejam.core.redis.RedisGuard;

import org.springframework.beans.factory.DisposableBean;

/**
 * Sliding windows kept in Redis, so a limit holds across all instances: the same rule as
 * {@link SlidingWindowLog} (allowed only while fewer than capacity were allowed in the
 * last period), as a sorted set of allowed times per key, checked and extended by one Lua
 * script (atomic in Redis) on Redis's own clock ({@code TIME}), so instances with skewed
 * clocks still share one window. Keys are {@value #KEY_PREFIX}{@code <policy>:<key>} and
 * expire one period after the last allowed operation. When Redis fails the limiter fails
 * open: the operation is allowed, and the fallback is logged and counted by the
 * {@link RedisGuard}.
 */
class RedisRateLimiter extends WindowRateLimiter implements DisposableBean {

	static final String KEY_PREFIX = "muejam:v1:ratelimit:";

	/**
	 * KEYS[1] the window; ARGV: capacity, period (microseconds), a unique member suffix,
	 * and optionally the time (microseconds; Redis's clock when absent). Returns
	 * {allowed, remaining, until empty, until allowed} in microseconds.
	 */
	static final String SCRIPT = """
			local now
			if ARGV[4] then
			  now = tonumber(ARGV[4])
			else
			  local clock = redis.call('TIME')
			  now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
			end
			local capacity = tonumber(ARGV[1])
			local period = tonumber(ARGV[2])
			redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. (now - period))
			local count = redis.call('ZCARD', KEYS[1])
			if count >= capacity then
			  local oldest = tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2])
			  local newest = tonumber(redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2])
			  return {0, 0, newest + period + 1 - now, oldest + period + 1 - now}
			end
			redis.call('ZADD', KEYS[1], now, now .. ':' .. ARGV[3])
			redis.call('PEXPIRE', KEYS[1], math.floor(period / 1000) + 1000)
			return {1, capacity - count - 1, period + 1, 0}
			""";

	private final RedisClient client;

	private final RedisGuard guard;

	private @Nullable StatefulRedisConnection<String, String> connection;

	private final @Nullable LongSupplier microClock;

	private @Nullable String sha;

	RedisRateLimiter(RateLimitProperties properties, MeterRegistry meters, String url, Duration timeout,
			Duration connectTimeout, RedisGuard guard) {
		this(properties, meters, url, timeout, connectTimeout, guard, null);
	}

	/**
	 * @param microClock the time in microseconds, or {@code null} for Redis's own clock
	 * (tests control it)
	 */
	RedisRateLimiter(RateLimitProperties properties, MeterRegistry meters, String url, Duration timeout,
			Duration connectTimeout, RedisGuard guard, @Nullable LongSupplier microClock) {
		super(properties, meters);
		this.microClock = microClock;
		RedisURI uri = RedisURI.create(url);
		uri.setTimeout(timeout);
		this.client = RedisClient.create(uri);
		// an unreachable Redis must fail as fast as a slow one, not after Lettuce's 10 s
		this.client.setOptions(ClientOptions.builder()
			.socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
			.build());
		this.guard = guard;
	}

	@Override
	RateLimitDecision consume(String policyName, RateLimitProperties.Policy policy, String key) {
		return this.guard.call("ratelimit", () -> {
			String[] keys = { KEY_PREFIX + policyName + ':' + key };
			String capacity = Integer.toString(policy.capacity());
			String period = Long.toString(TimeUnit.NANOSECONDS.toMicros(policy.period().toNanos()));
			String member = UUID.randomUUID().toString();
			String[] args = (this.microClock != null)
					? new String[] { capacity, period, member, Long.toString(this.microClock.getAsLong()) }
					: new String[] { capacity, period, member };
			List<Long> reply = evaluate(keys, args);
			var outcome = new SlidingWindowLog.Outcome(reply.get(0) == 1, reply.get(1), reply.get(2), reply.get(3));
			return decision(policyName, policy, outcome, TimeUnit.MICROSECONDS);
		}, () -> RateLimitDecision.unlimited(policyName));
	}

	private List<Long> evaluate(String[] keys, String[] args) {
		RedisCommands<String, String> redis = commands();
		try {
			return redis.evalsha(script(redis), ScriptOutputType.MULTI, keys, args);
		}
		catch (RedisNoScriptException ex) {
			// Redis restarted or flushed its scripts
			this.sha = null;
			return redis.evalsha(script(redis), ScriptOutputType.MULTI, keys, args);
		}
	}

	private synchronized String script(RedisCommands<String, String> redis) {
		if (this.sha == null) {
			this.sha = redis.scriptLoad(SCRIPT);
		}
		return this.sha;
	}

	/**
	 * Connects on first use, so an instance starts while Redis is down; Lettuce
	 * reconnects by itself afterwards.
	 */
	private synchronized RedisCommands<String, String> commands() {
		if (this.connection == null) {
			this.connection = this.client.connect();
		}
		return this.connection.sync();
	}

	@Override
	public void destroy() {
		if (this.connection != null) {
			this.connection.close();
		}
		this.client.shutdown();
	}

}
