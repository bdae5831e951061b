package com.muejam.core.web;

import tools.jackson.databind.json.JsonMapper;

import com.muejam.core.cache.CacheProperties;
import com.muejam.core.redis.ConditionalOnMissingRedis;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Shared views written once ({@link SharedViewJson}), with the cache in this process
 * only: a view read from Redis is a new instance on every read, so there is nothing to
 * reuse. The converter is not a bean, so that it serves responses and no HTTP client.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingRedis
class SharedViewConfiguration {

	@Bean
	SharedViewJson sharedViewJson(JsonMapper json, CacheProperties properties) {
		return new SharedViewJson(json, properties.maxBytes().toBytes());
	}

	@Bean
	ServerHttpMessageConvertersCustomizer sharedViewsFirst(SharedViewJson json) {
		return (converters) -> converters.addCustomConverter(new SharedViewJsonConverter(json));
	}

}
