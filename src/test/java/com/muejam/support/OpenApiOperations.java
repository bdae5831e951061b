package com.muejam.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations of an OpenAPI 3 document, as much of them as a generator of requests
 * needs: method, path template, parameters and the JSON body's properties.
 */
public final class OpenApiOperations {

	private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

	private OpenApiOperations() {
	}

	/**
	 * Reads the operations of a document.
	 * @param document the OpenAPI JSON
	 * @return every operation
	 */
	public static List<Operation> of(String document) {
		JsonNode root = JsonMapper.builder().build().readTree(document);
		JsonNode schemas = root.path("components").path("schemas");
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				if (!METHODS.contains(method.getKey())) {
					continue;
				}
				JsonNode operation = method.getValue();
				List<Parameter> parameters = new ArrayList<>();
				for (JsonNode parameter : operation.path("parameters")) {
					parameters.add(new Parameter(parameter.path("name").asString(), parameter.path("in").asString(),
							resolve(parameter.path("schema"), schemas)));
				}
				JsonNode content = operation.path("requestBody").path("content");
				Map<String, JsonNode> body = new LinkedHashMap<>();
				List<String> mediaTypes = new ArrayList<>();
				for (Map.Entry<String, JsonNode> media : content.properties()) {
					mediaTypes.add(media.getKey());
					JsonNode schema = resolve(media.getValue().path("schema"), schemas);
					schema.path("properties")
						.properties()
						.forEach((property) -> body.put(property.getKey(), resolve(property.getValue(), schemas)));
				}
				boolean streams = operation.path("responses").toString().contains("text/event-stream");
				operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), parameters,
						mediaTypes, body, streams));
			}
		}
		return operations;
	}

	private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
		String ref = schema.path("$ref").asString("");
		if (ref.startsWith("#/components/schemas/")) {
			return schemas.path(ref.substring("#/components/schemas/".length()));
		}
		return schema;
	}

	/**
	 * One operation.
	 *
	 * @param method the HTTP method
	 * @param path the path template, {@code /v1/stories/{id}}
	 * @param parameters path, query and header parameters
	 * @param mediaTypes the request body's media types (none without a body)
	 * @param body the JSON body's properties and their schemas
	 * @param streams whether it answers a {@code text/event-stream}
	 */
	public record Operation(String method, String path, List<Parameter> parameters, List<String> mediaTypes,
			Map<String, JsonNode> body, boolean streams) {

		public List<Parameter> in(String location) {
			return this.parameters.stream().filter((parameter) -> parameter.in().equals(location)).toList();
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	/**
	 * @param name the parameter's name
	 * @param in {@code path}, {@code query} or {@code header}
	 * @param schema its schema
	 */
	public record Parameter(String name, String in, JsonNode schema) {
	}

}
