package com.muejam.core.cache;

import java.util.LinkedHashMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Caffeine;

import com.muejam.core.redis.ConditionalOnMissingRedis;
import com.muejam.core.redis.ConditionalOnRedis;
import com.muejam.core.redis.RedisGuard;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.BatchStrategies;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;

/**
 * Cache-aside through Spring's cache abstraction ({@code @Cacheable} /
 * {@code @CacheEvict}). The local default is an in-process Caffeine cache per name,
 * bounded and expiring after the configured time-to-live. With Redis configured, the
 * caches live in Redis instead, shared by every instance (an eviction on one is seen by
 * all), under keys namespaced and versioned as
 * {@value #KEY_PREFIX}{@code <cache>::<key>}; bump the version when a cached type changes
 * incompatibly.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration {

	static final String KEY_PREFIX = "muejam:v1:cache:";

	@Bean
	@ConditionalOnRedis
	RedisCacheManager redisCacheManager(RedisConnectionFactory connections, CacheProperties properties,
			RedisGuard guard) {
		RedisCacheConfiguration defaults = RedisCacheConfiguration.defaultCacheConfig()
			.disableCachingNullValues()
			.computePrefixWith((name) -> KEY_PREFIX + name + "::")
			.serializeValuesWith(SerializationPair
				.fromSerializer(new JdkSerializationRedisSerializer(CacheConfiguration.class.getClassLoader())));
		Map<String, RedisCacheConfiguration> caches = new LinkedHashMap<>();
		properties.ttl().forEach((name, ttl) -> caches.put(name, defaults.entryTtl(ttl)));
		RedisCacheWriter writer = new ResilientCacheWriter(
				RedisCacheWriter.nonLockingRedisCacheWriter(connections, BatchStrategies.scan(500)), guard);
		return RedisCacheManager.builder(writer)
			.cacheDefaults(defaults)
			.withInitialCacheConfigurations(caches)
			// a fixed set of caches, as with the local cache
			.disableCreateOnMissingCache()
			.enableStatistics()
			.build();
	}

	@Bean
	@ConditionalOnMissingRedis
	CaffeineCacheManager localCacheManager(CacheProperties properties) {
		CaffeineCacheManager manager = new CaffeineCacheManager();
		manager.setAllowNullValues(false);
		// a fixed set of caches: a typo in a cache name fails instead of creating an
		// unbounded cache
		manager.setCacheNames(properties.ttl().keySet());
		properties.ttl()
			.forEach((name, ttl) -> manager.registerCustomCache(name,
					Caffeine.newBuilder()
						.expireAfterWrite(ttl)
						.maximumSize(properties.maxEntries())
						.recordStats()
						.build()));
		return manager;
	}

}
