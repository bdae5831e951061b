package com.muejam.stories;

import com.muejam.core.cache.CacheNames;
import com.muejam.core.cache.CacheValueType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What this module caches: story metadata are {@link StoryView}s, readers' chapters are
 * {@link ReadableChapter}s, and the signed-out first page of the newest stories is a
 * {@link FrontPage}.
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

	@Bean
	CacheValueType frontPageCacheValueType() {
		return new CacheValueType(CacheNames.FRONT_PAGE, FrontPage.class);
	}

}
