package com.muejam.core.cache;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import com.muejam.core.redis.RedisGuard;

import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.data.redis.cache.RedisCache;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;
import org.springframework.data.redis.serializer.RedisSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * A page of cached values is one round trip to Redis: every read is sent before any
 * answer is awaited, and a read Redis never answers is a miss once the command timeout
 * passes.
 */
class CacheReadsTests {

	@Test
	void withRedisEveryReadIsSentBeforeAnyAnswerIsAwaited() throws Exception {
		Map<String, CompletableFuture<byte[]>> sent = new ConcurrentHashMap<>();
		RedisCache cache = redisCache(writer((key) -> sent.computeIfAbsent(key, (k) -> new CompletableFuture<>())));
		CompletableFuture<Map<String, String>> read = CompletableFuture
			.supplyAsync(() -> CacheReads.getAll(cache, List.of("a", "b", "c"), String.class));
		await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 3);
		assertThat(read).isNotDone();
		sent.get("pages::c").complete("C".getBytes(StandardCharsets.UTF_8));
		sent.get("pages::b").complete(null);
		sent.get("pages::a").complete("A".getBytes(StandardCharsets.UTF_8));
		assertThat(read.get(5, TimeUnit.SECONDS)).containsOnly(entry("a", "A"), entry("c", "C"));
	}

	@Test
	void aReadRedisNeverAnswersIsAMissOnceTheTimeoutPasses() throws Exception {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		RedisCacheWriter silent = writer((key) -> new CompletableFuture<>());
		ResilientCacheWriter guarded = new ResilientCacheWriter(silent,
				new RedisGuard(CircuitBreaker.ofDefaults("cache-reads-tests"), meters), Duration.ofMillis(50));
		assertThat(guarded.supportsAsyncRetrieve()).isTrue();
		CompletableFuture<Map<String, String>> read = CompletableFuture
			.supplyAsync(() -> CacheReads.getAll(redisCache(guarded), List.of("a", "b"), String.class));
		assertThat(read.get(5, TimeUnit.SECONDS)).isEmpty();
		assertThat(meters.get("muejam.redis.fallbacks").tag("operation", "cache.get").counter().count()).isEqualTo(2);
	}

	@Test
	void inProcessTheValuesHeldAreRead() {
		ConcurrentMapCache cache = new ConcurrentMapCache("pages");
		cache.put("a", "A");
		assertThat(CacheReads.getAll(cache, List.of("a", "b", "c"), String.class)).containsOnly(entry("a", "A"));
	}

	private static RedisCache redisCache(RedisCacheWriter writer) {
		RedisCacheConfiguration strings = RedisCacheConfiguration.defaultCacheConfig()
			.serializeValuesWith(SerializationPair.fromSerializer(RedisSerializer.string()));
		return new RedisCache("pages", writer, strings) {
		};
	}

	/**
	 * A writer that reads only without waiting, each read answered by the function of its
	 * key.
	 */
	private static RedisCacheWriter writer(Function<String, CompletableFuture<byte[]>> retrieve) {
		return (RedisCacheWriter) Proxy.newProxyInstance(CacheReadsTests.class.getClassLoader(),
				new Class<?>[] { RedisCacheWriter.class }, (proxy, method, args) -> switch (method.getName()) {
					case "supportsAsyncRetrieve" -> true;
					case "retrieve" -> retrieve.apply(new String((byte[]) args[1], StandardCharsets.UTF_8));
					default -> throw new UnsupportedOperationException(method.getName());
				});
	}

}
