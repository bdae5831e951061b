package com.muejam.search;

import com.muejam.core.cache.CacheNames;
import com.muejam.core.cache.CacheValueType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What this module caches: search suggestions are {@link Suggestions}s.
 */
@Configuration(proxyBeanMethods = false)
class SuggestionCaching {

	@Bean
	CacheValueType suggestionsCacheValueType() {
		return new CacheValueType(CacheNames.SUGGESTIONS, Suggestions.class);
	}

}
