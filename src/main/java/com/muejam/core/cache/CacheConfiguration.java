package com.muejam.core.cache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.github.benmanes.caffeine.cache.Caffeine;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;

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
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;

/**
 * Cache-aside through Spring's cache abstraction ({@code @Cacheable} /
 * {@code @CacheEvict}). The local default is an in-process Caffeine cache per name,
 * bounded and expiring after the configured time-to-live. With Redis configured, the
 * caches live in Redis instead, shared by every instance (an eviction on one is seen by
 * all), under keys namespaced and versioned as
 * {@value #KEY_PREFIX}{@code <cache>::<key>}; bump the version when a cached type changes
 * incompatibly. Redis values are JSON of the type each cache declares
 * ({@link CacheValueType}): no Java serialization, no type names in the data.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration {

	/**
	 * v3: a cached chapter keeps its text's length; v2: JSON values (v1 held
	 * Java-serialized objects).
	 */
	static final String KEY_PREFIX = "muejam:v3:cache:";

	@Bean
	@ConditionalOnRedis
	RedisCacheManager redisCacheManager(RedisConnectionFactory connections, CacheProperties properties,
			RedisGuard guard, List<CacheValueType> valueTypes) {
		Map<String, Class<?>> types = typesByCache(properties, valueTypes);
		JsonMapper mapper = cacheMapper();
		RedisCacheConfiguration defaults = RedisCacheConfiguration.defaultCacheConfig()
			.disableCachingNullValues()
			.computePrefixWith((name) -> KEY_PREFIX + name + "::");
		Map<String, RedisCacheConfiguration> caches = new LinkedHashMap<>();
		properties.ttl()
			.forEach((name, ttl) -> caches.put(name, defaults.entryTtl(ttl)
				.serializeValuesWith(SerializationPair.fromSerializer(serializer(mapper, types.get(name), name)))));
		return RedisCacheManager.builder(cacheWriter(connections, guard))
			.cacheDefaults(defaults)
			.withInitialCacheConfigurations(caches)
			// a fixed set of caches, as with the local cache: each has its declared type
			.disableCreateOnMissingCache()
			.enableStatistics()
			.build();
	}

	/**
	 * Writes to Redis that have reached it when they return: a write request's evictions
	 * are in Redis before its answer, so the next read on any instance misses (Spring
	 * Data Redis otherwise sends puts and evictions without waiting for Lettuce's reply).
	 */
	static RedisCacheWriter cacheWriter(RedisConnectionFactory connections, RedisGuard guard) {
		return new ResilientCacheWriter(RedisCacheWriter.create(connections,
				(writer) -> writer.batchStrategy(BatchStrategies.scan(500)).immediateWrites()), guard);
	}

	/**
	 * Every cache with a time-to-live must declare its value type, and every declared
	 * type must belong to a configured cache: a mismatch fails at start-up, not on the
	 * first request.
	 */
	static Map<String, Class<?>> typesByCache(CacheProperties properties, List<CacheValueType> valueTypes) {
		Map<String, Class<?>> types = declaredTypes(valueTypes);
		Set<String> undeclared = new TreeSet<>(properties.ttl().keySet());
		undeclared.removeAll(types.keySet());
		Set<String> unconfigured = new TreeSet<>(types.keySet());
		unconfigured.removeAll(properties.ttl().keySet());
		if (!undeclared.isEmpty() || !unconfigured.isEmpty()) {
			throw new IllegalStateException("Caches without a declared value type (a CacheValueType bean): "
					+ undeclared + "; value types of caches without a muejam.cache.ttl: " + unconfigured);
		}
		return types;
	}

	private static Map<String, Class<?>> declaredTypes(List<CacheValueType> valueTypes) {
		Map<String, Class<?>> types = new LinkedHashMap<>();
		for (CacheValueType valueType : valueTypes) {
			if (types.put(valueType.cache(), valueType.type()) != null) {
				throw new IllegalStateException("Cache '" + valueType.cache() + "' declares two value types");
			}
		}
		return types;
	}

	/**
	 * Plain JSON of the records, every component included: {@code @JsonIgnore} hides a
	 * field from API responses, not from the cache, which must give back the whole value.
	 */
	static JsonMapper cacheMapper() {
		return JsonMapper.builder().annotationIntrospector(new JacksonAnnotationIntrospector() {

			@Override
			public boolean hasIgnoreMarker(MapperConfig<?> config, AnnotatedMember member) {
				return false;
			}

		}).build();
	}

	private static <T> JsonCacheSerializer<T> serializer(JsonMapper mapper, Class<T> type, String cache) {
		return new JsonCacheSerializer<>(mapper, type, cache);
	}

	@Bean
	@ConditionalOnMissingRedis
	CaffeineCacheManager localCacheManager(CacheProperties properties, List<CacheValueType> valueTypes) {
		// in-process values are never serialized: a cache whose module is not running (a
		// module test) holds nothing, and needs no declared type
		Map<String, Class<?>> types = declaredTypes(valueTypes);
		CaffeineCacheManager manager = new CaffeineCacheManager();
		manager.setAllowNullValues(false);
		// a fixed set of caches: a typo in a cache name fails instead of creating an
		// unbounded cache
		manager.setCacheNames(properties.ttl().keySet());
		properties.ttl()
			.forEach((name, ttl) -> manager.registerCustomCache(name,
					bounded(Caffeine.newBuilder().expireAfterWrite(ttl), types.getOrDefault(name, Object.class),
							properties)
						.recordStats()
						.build()));
		return manager;
	}

	/**
	 * Bounded by the number of entries, or for values whose size varies widely by the sum
	 * of their weights.
	 */
	static Caffeine<Object, Object> bounded(Caffeine<Object, Object> builder, Class<?> type,
			CacheProperties properties) {
		if (Weighed.class.isAssignableFrom(type)) {
			return builder.maximumWeight(properties.maxBytes().toBytes())
				.weigher((key, value) -> ((Weighed) value).weight());
		}
		return builder.maximumSize(properties.maxEntries());
	}

}
