package com.muejam.core.cache;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Cache-aside through Spring's cache abstraction ({@code @Cacheable} /
 * {@code @CacheEvict}). The local default is an in-process Caffeine cache per name,
 * bounded and expiring after the configured time-to-live; a Redis cache manager replaces
 * it when Redis is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration {

	@Bean
	@ConditionalOnMissingBean(CacheManager.class)
	CaffeineCacheManager cacheManager(CacheProperties properties) {
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
