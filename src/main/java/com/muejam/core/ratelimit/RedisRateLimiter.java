package com.muejam.core.ratelimit;

import java.time.Duration;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import com.muejam.core.redis.RedisGuard;

import org.springframework.beans.factory.DisposableBean;

/**
 * Buckets kept in Redis (bucket4j's compare-and-swap Lettuce proxy manager), so a limit
 * holds across all instances. Keys are {@value #KEY_PREFIX}{@code <policy>:<key>} and
 * expire once the bucket would be full again. When Redis fails the limiter fails open:
 * the operation is allowed, and the fallback is logged and counted by the
 * {@link RedisGuard}.
 */
class RedisRateLimiter extends BucketRateLimiter implements DisposableBean {

	static final String KEY_PREFIX = "muejam:v1:ratelimit:";

	private final RedisClient client;

	private final RedisGuard guard;

	private @Nullable StatefulRedisConnection<String, byte[]> connection;

	private @Nullable ProxyManager<String> buckets;

	RedisRateLimiter(RateLimitProperties properties, MeterRegistry meters, String url, Duration timeout,
			Duration connectTimeout, RedisGuard guard) {
		super(properties, meters);
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
		return this.guard.call("ratelimit",
				() -> decision(policyName, policy,
						buckets().getProxy(KEY_PREFIX + policyName + ':' + key, () -> configuration(policy))
							.tryConsumeAndReturnRemaining(1)),
				() -> RateLimitDecision.unlimited(policyName));
	}

	/**
	 * Connects on first use, so an instance starts while Redis is down; Lettuce
	 * reconnects by itself afterwards.
	 */
	private synchronized ProxyManager<String> buckets() {
		if (this.buckets == null) {
			this.connection = this.client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
			this.buckets = Bucket4jLettuce.casBasedBuilder(this.connection)
				.expirationAfterWrite(
						ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
				.build();
		}
		return this.buckets;
	}

	@Override
	public void destroy() {
		if (this.connection != null) {
			this.connection.close();
		}
		this.client.shutdown();
	}

}
