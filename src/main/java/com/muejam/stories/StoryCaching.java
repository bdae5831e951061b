package com.muejam.stories;

import com.muejam.core.cache.CacheNames;
import com.muejam.core.cache.CacheValueType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What this module caches: story metadata are {@link StoryView}s, readers' chapters are
 * {@link ReadableChapter}s.
 */
@Configuration(proxyBeanMethods = false)
class StoryCaching {

	@Bean
	CacheValueType storiesCacheValueType() {
		return new CacheValueType(CacheNames.STORIES, StoryView.class);
	}

	@Bean
	CacheValueType chaptersCacheValueType() {
		return new CacheValueType(CacheNames.CHAPTERS, ReadableChapter.class);
	}

}
