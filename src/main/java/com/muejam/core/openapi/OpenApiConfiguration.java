package com.muejam.core.openapi;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * OpenAPI 3 description of the API: bearer authentication, snake_case schemas like the
 * JSON on the wire, and the error envelope documented on every operation.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearer";

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
	RecordSchemas recordSchemas() {
		return new RecordSchemas();
	}

	@Bean
	ResponseSchemas responseSchemas() {
		return new ResponseSchemas();
	}

	@Bean
	CreatedResponses createdResponses() {
		return new CreatedResponses();
	}

	@Bean
	ErrorResponses errorResponses() {
		return new ErrorResponses();
	}

}
