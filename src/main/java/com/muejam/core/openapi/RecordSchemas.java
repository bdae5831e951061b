package com.muejam.core.openapi;

import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Tells the document what the records promise: a component marked {@link Nullable} is
 * {@code nullable}, every other component is {@code required}. Our packages are
 * null-marked, so an unannotated component is never null. Response schemas are later made
 * to require their nullable properties too ({@link ResponseSchemas}): responses always
 * carry every field, {@code null} included.
 */
class RecordSchemas implements ModelConverter {

	private static final String REF_PREFIX = "#/components/schemas/";

	private static final PropertyNamingStrategies.NamingBase SNAKE_CASE = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

	@Override
	public @Nullable Schema<?> resolve(AnnotatedType type, ModelConverterContext context,
			Iterator<ModelConverter> chain) {
		if (!chain.hasNext()) {
			return null;
		}
		Schema<?> schema = chain.next().resolve(type, context, chain);
		Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
		if (schema == null || !raw.isRecord()) {
			return schema;
		}
		Schema<?> model = (schema.get$ref() != null)
				? context.getDefinedModels().get(schema.get$ref().substring(REF_PREFIX.length())) : schema;
		if (model != null && model.getProperties() != null) {
			describe(raw, model);
		}
		return schema;
	}

	private static void describe(Class<?> record, Schema<?> model) {
		for (RecordComponent component : record.getRecordComponents()) {
			String name = propertyName(component);
			Schema<?> property = model.getProperties().get(name);
			if (property == null) {
				continue;
			}
			if (component.getType() == Object.class && property.getAnyOf() != null) {
				// a value of either type (a count or "<3"): not an object
				property.setType(null);
				property.setTypes(null);
			}
			if (isNullable(component)) {
				model.getProperties().put(name, nullable(property));
			}
			else if (model.getRequired() == null || !model.getRequired().contains(name)) {
				model.addRequiredItem(name);
			}
		}
	}

	static boolean isNullable(RecordComponent component) {
		return component.getAnnotatedType().isAnnotationPresent(Nullable.class)
				|| component.isAnnotationPresent(Nullable.class);
	}

	private static String propertyName(RecordComponent component) {
		JsonProperty explicit = component.getAnnotation(JsonProperty.class);
		if (explicit == null && component.getAccessor() != null) {
			explicit = component.getAccessor().getAnnotation(JsonProperty.class);
		}
		return (explicit != null && !explicit.value().isEmpty()) ? explicit.value()
				: SNAKE_CASE.translate(component.getName());
	}

	/**
	 * OpenAPI 3.0 ignores siblings of {@code $ref}: a nullable reference is an object
	 * that is {@code allOf} the reference ({@code nullable} needs a {@code type}).
	 */
	private static Schema<?> nullable(Schema<?> property) {
		if (property.getType() == null && property.getAnyOf() != null) {
			// OpenAPI 3.0: nullable needs a type beside it, so each alternative says it
			property.getAnyOf().forEach((alternative) -> alternative.setNullable(true));
			return property;
		}
		if (property.get$ref() == null) {
			property.setNullable(true);
			return property;
		}
		ComposedSchema wrapper = new ComposedSchema();
		wrapper.setType("object");
		wrapper.setAllOf(List.of(new Schema<>().$ref(property.get$ref())));
		wrapper.setNullable(true);
		wrapper.setDescription(property.getDescription());
		return wrapper;
	}

}
