package com.muejam.core.openapi;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import com.muejam.core.error.ErrorResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * OpenAPI 3 description of the API: bearer authentication, snake_case schemas like the
 * JSON on the wire, and the error envelope documented on every operation.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearer";

	private static final String ERROR_REF = "#/components/schemas/ErrorResponse";

	@Bean
	OpenAPI muejamOpenApi() {
		return new OpenAPI().info(new Info().title("MueJam Library API").version("v1").description("""
				REST API of the MueJam Library reading-and-writing platform.

				**Authentication**: send `Authorization: Bearer <token>`. In production tokens are \
				Clerk session tokens. Locally, mint one with `POST /v1/dev/tokens` (Development) and \
				paste it into **Authorize**.

				**Errors** always have the body `{"error":{"code","message","details"},"request_id"}`.

				**Lists** take `cursor` and `page_size` (1-100, default 20) and return \
				`{"data":[...],"next_cursor":...}`."""))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	/**
	 * Swagger's model resolver, told that properties are snake_case on the wire.
	 * @return the resolver springdoc uses for schemas
	 */
	@Bean
	ModelResolver snakeCaseModelResolver() {
		return new ModelResolver(Json.mapper()
			.copy()
			.setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE));
	}

	@Bean
	OpenApiCustomizer errorResponses() {
		return (openApi) -> {
			ModelConverters.getInstance()
				.readAll(ErrorResponse.class)
				.forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				boolean isPublic = operation.getSecurity() != null && operation.getSecurity().isEmpty();
				addErrors(operation, HttpMethod.valueOf(method.name()), path.contains("{"), isPublic);
			}));
		};
	}

	private static void addErrors(Operation operation, HttpMethod method, boolean hasPathVariable, boolean isPublic) {
		ApiResponses responses = operation.getResponses();
		error(responses, "400", "Invalid input: `VALIDATION_FAILED` (details name each bad field) or `INVALID_CURSOR`");
		if (!isPublic) {
			error(responses, "401", "Missing, invalid or expired bearer token: `UNAUTHENTICATED`");
			error(responses, "403", "Not allowed: `FORBIDDEN`");
		}
		if (hasPathVariable) {
			error(responses, "404", "No such resource, or hidden from the caller: `NOT_FOUND`");
		}
		if (method == HttpMethod.POST || method == HttpMethod.PUT) {
			error(responses, "409",
					"Conflicts with the current state: `CONFLICT`, `HANDLE_TAKEN` or `QUOTA_EXCEEDED` (a per-user limit reached)");
		}
		error(responses, "429", "Rate limit exceeded: `RATE_LIMITED`, see `Retry-After`");
		error(responses, "500", "Unexpected error: `INTERNAL` (no internals in the body)");
	}

	private static void error(ApiResponses responses, String status, String description) {
		if (responses.containsKey(status)) {
			return;
		}
		Schema<?> schema = new Schema<>().$ref(ERROR_REF);
		responses.addApiResponse(status, new ApiResponse().description(description)
			.content(new Content().addMediaType("application/json", new MediaType().schema(schema))));
	}

}
