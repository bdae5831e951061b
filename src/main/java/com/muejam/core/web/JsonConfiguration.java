package com.muejam.core.web;

import java.time.Instant;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Strict request JSON: a value of the wrong JSON type (a number for a string, a string
 * for a number or boolean) is a 400, not silently converted, and so is a string with a
 * NUL character, which PostgreSQL cannot store. Instants are written as before, without a
 * formatter ({@link IsoInstantSerializer}).
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictScalars() {
		return (builder) -> builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.addModule(new SimpleModule("muejam-strings").addDeserializer(String.class, new NulRefusingStrings()))
			.addModule(new SimpleModule("muejam-instants").addSerializer(Instant.class, new IsoInstantSerializer()));
	}

	private static final class NulRefusingStrings extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = super.deserialize(parser, context);
			if (value != null && value.indexOf('\0') >= 0) {
				throw context.weirdStringException(value, String.class, "must not contain NUL characters");
			}
			return value;
		}

	}

}
