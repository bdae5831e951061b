package com.muejam.core.openapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;

import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Marks every property of a response-only schema as required: the API always sends every
 * field of a response, {@code null} included, so a generated client never has to treat a
 * field as possibly missing. Schemas that are also request bodies keep their nullable
 * properties optional, so clients need not send them.
 */
class ResponseSchemas implements OpenApiCustomizer {

	private static final String REF_PREFIX = "#/components/schemas/";

	@Override
	public void customise(OpenAPI openApi) {
		Map<String, Schema> schemas = openApi.getComponents().getSchemas();
		if (schemas == null) {
			return;
		}
		Deque<Schema<?>> roots = new ArrayDeque<>();
		openApi.getPaths()
			.values()
			.forEach((item) -> item.readOperations()
				.stream()
				.filter((operation) -> operation.getRequestBody() != null)
				.forEach((operation) -> addSchemas(operation.getRequestBody().getContent(), roots)));
		Set<String> requestSchemas = reachable(roots, schemas);
		schemas.forEach((name, schema) -> {
			if (!requestSchemas.contains(name) && schema.getProperties() != null) {
				schema.getProperties().keySet().forEach((property) -> {
					if (schema.getRequired() == null || !schema.getRequired().contains(property)) {
						schema.addRequiredItem((String) property);
					}
				});
			}
		});
	}

	private static void addSchemas(Content content, Deque<Schema<?>> roots) {
		if (content != null) {
			content.values().forEach((media) -> {
				if (media.getSchema() != null) {
					roots.add(media.getSchema());
				}
			});
		}
	}

	@SuppressWarnings("rawtypes")
	private static Set<String> reachable(Deque<Schema<?>> pending, Map<String, Schema> schemas) {
		Set<String> names = new HashSet<>();
		while (!pending.isEmpty()) {
			Schema<?> schema = pending.pop();
			if (schema.get$ref() != null) {
				String name = schema.get$ref().substring(REF_PREFIX.length());
				if (names.add(name) && schemas.get(name) != null) {
					pending.push(schemas.get(name));
				}
				continue;
			}
			if (schema.getProperties() != null) {
				schema.getProperties().values().forEach(pending::push);
			}
			if (schema.getItems() != null) {
				pending.push(schema.getItems());
			}
			if (schema.getAllOf() != null) {
				schema.getAllOf().forEach(pending::push);
			}
			if (schema.getOneOf() != null) {
				schema.getOneOf().forEach(pending::push);
			}
			if (schema.getAdditionalProperties() instanceof Schema<?> values) {
				pending.push(values);
			}
		}
		return names;
	}

}
