package com.muejam.core.cache;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import com.muejam.core.redis.RedisGuard;

import org.springframework.data.redis.cache.CacheStatistics;
import org.springframework.data.redis.cache.CacheStatisticsCollector;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisConnection;

/**
 * A {@link RedisCacheWriter} that keeps working when Redis does not: a failed read is a
 * miss (the caller loads from the database), a failed write or eviction is logged and
 * counted. Every call goes through the {@link RedisGuard}'s circuit breaker.
 */
class ResilientCacheWriter implements RedisCacheWriter {

	private final RedisCacheWriter delegate;

	private final RedisGuard guard;

	ResilientCacheWriter(RedisCacheWriter delegate, RedisGuard guard) {
		this.delegate = delegate;
		this.guard = guard;
	}

	@Override
	public byte @Nullable [] get(String name, byte[] key) {
		return this.guard.call("cache.get", () -> this.delegate.get(name, key), () -> null);
	}

	@Override
	public byte @Nullable [] get(String name, byte[] key, @Nullable Duration ttl) {
		return this.guard.call("cache.get", () -> this.delegate.get(name, key, ttl), () -> null);
	}

	/**
	 * Reads, and on a miss loads and stores: the loader runs outside the guard, so its
	 * own exceptions (not found...) reach the caller unchanged.
	 */
	@Override
	public byte[] get(String name, byte[] key, Supplier<byte[]> valueLoader, @Nullable Duration ttl,
			boolean timeToIdleEnabled) {
		byte[] cached = get(name, key, ttl);
		if (cached != null) {
			return cached;
		}
		byte[] loaded = valueLoader.get();
		put(name, key, loaded, ttl);
		return loaded;
	}

	@Override
	public boolean supportsAsyncRetrieve() {
		return false;
	}

	@Override
	public CompletableFuture<byte[]> retrieve(String name, byte[] key, @Nullable Duration ttl) {
		return CompletableFuture.completedFuture(get(name, key, ttl));
	}

	@Override
	public void put(String name, byte[] key, byte[] value, @Nullable Duration ttl) {
		this.guard.run("cache.put", () -> this.delegate.put(name, key, value, ttl));
	}

	@Override
	public CompletableFuture<Void> store(String name, byte[] key, byte[] value, @Nullable Duration ttl) {
		put(name, key, value, ttl);
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public byte @Nullable [] putIfAbsent(String name, byte[] key, byte[] value, @Nullable Duration ttl) {
		return this.guard.call("cache.put", () -> this.delegate.putIfAbsent(name, key, value, ttl), () -> null);
	}

	@Override
	public void evict(String name, byte[] key) {
		this.guard.run("cache.evict", () -> this.delegate.evict(name, key));
	}

	@Override
	public boolean evictIfPresent(String name, byte[] key) {
		return this.guard.call("cache.evict", () -> this.delegate.evictIfPresent(name, key), () -> false);
	}

	@Override
	public void clear(String name, byte[] pattern) {
		this.guard.run("cache.clear", () -> this.delegate.clear(name, pattern));
	}

	@Override
	public boolean invalidate(String name, byte[] pattern) {
		return this.guard.call("cache.clear", () -> this.delegate.invalidate(name, pattern), () -> false);
	}

	@Override
	public <T> T execute(Function<RedisConnection, T> callback) {
		return this.delegate.execute(callback);
	}

	@Override
	public void clearStatistics(String name) {
		this.delegate.clearStatistics(name);
	}

	@Override
	public RedisCacheWriter withStatisticsCollector(CacheStatisticsCollector collector) {
		return new ResilientCacheWriter(this.delegate.withStatisticsCollector(collector), this.guard);
	}

	@Override
	public CacheStatistics getCacheStatistics(String cacheName) {
		return this.delegate.getCacheStatistics(cacheName);
	}

}
