package com.muejam.discovery;

import com.muejam.core.cache.CacheNames;
import com.muejam.core.cache.CacheValueType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What this module caches: the trending ranking and each reader's For You ranking are
 * {@link Ranked}s.
 */
@Configuration(proxyBeanMethods = false)
class RankingCaching {

	@Bean
	CacheValueType trendingCacheValueType() {
		return new CacheValueType(CacheNames.TRENDING, Ranked.class);
	}

	@Bean
	CacheValueType forYouCacheValueType() {
		return new CacheValueType(CacheNames.FOR_YOU, Ranked.class);
	}

}
