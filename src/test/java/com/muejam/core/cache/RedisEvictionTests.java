package com.muejam.core.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import com.muejam.core.redis.RedisGuard;
import com.muejam.support.TestRedis;

import org.springframework.cache.Cache;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An eviction from a Redis cache has reached Redis when it returns, so a read that
 * follows, on any connection (another instance's), misses. On a Redis server of this
 * test's own.
 */
class RedisEvictionTests {

	private static RedisServer redis;

	private static LettuceConnectionFactory connections;

	/** Another instance's connection to the same Redis, open before the test. */
	private static LettuceConnectionFactory other;

	@BeforeAll
	static void start() throws IOException {
		TestRedis started = TestRedis.start();
		redis = started.server();
		connections = connect(started.port());
		other = connect(started.port());
		try (RedisConnection connection = other.getConnection()) {
			connection.ping();
		}
	}

	private static LettuceConnectionFactory connect(int port) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", port));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	@AfterAll
	static void stop() throws IOException {
		connections.destroy();
		other.destroy();
		redis.stop();
	}

	@Test
	void evictedKeysAreGoneFromRedisWhenTheEvictionReturns() {
		RedisCacheManager manager = RedisCacheManager
			.builder(CacheConfiguration.cacheWriter(connections,
					new RedisGuard(CircuitBreaker.ofDefaults("redis-eviction-tests"), new SimpleMeterRegistry())))
			.cacheDefaults(RedisCacheConfiguration.defaultCacheConfig()
				.entryTtl(Duration.ofMinutes(1))
				.computePrefixWith((name) -> CacheConfiguration.KEY_PREFIX + name + "::"))
			.build();
		manager.initializeCaches();
		Cache cache = manager.getCache("stories");
		List<String> keys = IntStream.range(0, 50).mapToObj((n) -> "story-" + n).toList();
		keys.forEach((key) -> cache.put(key, "cached " + key));
		assertThat(redisKeys()).as("written when the puts returned").hasSize(50);

		keys.forEach((key) -> CacheEvictions.evict(cache, key));

		assertThat(redisKeys()).as("left in Redis when the evictions returned").isEmpty();
	}

	/** Read on another connection, as another instance would. */
	private static List<String> redisKeys() {
		try (RedisConnection connection = other.getConnection()) {
			return connection.keyCommands()
				.keys("*".getBytes(StandardCharsets.UTF_8))
				.stream()
				.map((key) -> new String(key, StandardCharsets.UTF_8))
				.toList();
		}
	}

}
