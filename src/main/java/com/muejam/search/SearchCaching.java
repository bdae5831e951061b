package com.muejam.search;

import com.muejam.core.cache.CacheNames;
import com.muejam.core.cache.CacheValueType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What this module caches: search suggestions are {@link Suggestions}, and the first
 * pages of anonymous story searches are {@link SharedStoryHits}.
 */
@Configuration(proxyBeanMethods = false)
class SearchCaching {

	@Bean
	CacheValueType suggestionsCacheValueType() {
		return new CacheValueType(CacheNames.SUGGESTIONS, Suggestions.class);
	}

	@Bean
	CacheValueType searchCacheValueType() {
		return new CacheValueType(CacheNames.SEARCH, SharedStoryHits.class);
	}

}
