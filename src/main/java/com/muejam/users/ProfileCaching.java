package com.muejam.users;

import com.muejam.core.cache.CacheNames;
import com.muejam.core.cache.CacheValueType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What this module caches: public profiles are {@link ProfileView}s.
 */
@Configuration(proxyBeanMethods = false)
class ProfileCaching {

	@Bean
	CacheValueType profilesCacheValueType() {
		return new CacheValueType(CacheNames.PROFILES, ProfileView.class);
	}

}
