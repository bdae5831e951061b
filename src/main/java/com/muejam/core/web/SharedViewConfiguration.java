package com.muejam.core.web;

import java.util.function.Supplier;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.ValueSerializerModifier;

import com.muejam.core.cache.CacheProperties;
import com.muejam.core.redis.ConditionalOnMissingRedis;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;

/**
 * Shared views written once ({@link SharedViewJson}), with a cache in this process that
 * holds something: a view read from Redis is a new instance on every read, and so is
 * every view when the cache keeps nothing ({@code muejam.cache.max-entries=0}), so there
 * is nothing to reuse. The converter is not a bean, so that it serves responses and no
 * HTTP client.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingRedis
@ConditionalOnExpression("${muejam.cache.max-entries:10000} > 0")
class SharedViewConfiguration {

	@Bean
	SharedViewJson sharedViewJson(JsonMapper json, CacheProperties properties) {
		return new SharedViewJson(json, properties.maxBytes().toBytes());
	}

	@Bean
	ServerHttpMessageConvertersCustomizer sharedViewsFirst(SharedViewJson json) {
		return (converters) -> converters.addCustomConverter(new SharedViewJsonConverter(json));
	}

	/**
	 * Shared views inside other values written from the JSON kept for them. The mapper
	 * writes that JSON, so it gets the keeper only once it is built.
	 */
	@Bean
	JsonMapperBuilderCustomizer sharedViewsWrittenOnce(ObjectProvider<SharedViewJson> json) {
		return (builder) -> builder.addModule(module(SingletonSupplier.of(json::getObject)));
	}

	/**
	 * The serializers of shared views inside other values ({@link SharedViewSerializer}).
	 * @param json the keeper of their JSON, asked for at the first one written
	 * @return the module
	 */
	static JacksonModule module(Supplier<SharedViewJson> json) {
		return new SimpleModule("muejam-shared-views").setSerializerModifier(new ValueSerializerModifier() {

			@Override
			public ValueSerializer<?> modifySerializer(SerializationConfig config, BeanDescription.Supplier description,
					ValueSerializer<?> serializer) {
				return SharedView.class.isAssignableFrom(description.getBeanClass())
						? new SharedViewSerializer(serializer, json) : serializer;
			}

		});
	}

}
