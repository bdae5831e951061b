package com.muejam.core;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.muejam.support.Api;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code muejam.api-docs.public=false} (the {@code prod} default) neither the
 * OpenAPI document nor Swagger UI is served: both answer the 404 envelope.
 */
@IntegrationTest
@TestPropertySource(properties = "muejam.api-docs.public=false")
class ApiDocsSettingTests {

	@Autowired
	Api api;

	@Test
	void apiDocsAndSwaggerUiAreNotFoundWhenNotPublic() {
		for (String path : List.of("/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui.html",
				"/swagger-ui/index.html")) {
			Api.Reply reply = this.api.get(path).send();
			assertThat(reply.status()).as(path).isEqualTo(404);
			assertThat(reply.errorCode()).as(path).isEqualTo("NOT_FOUND");
			assertThat(reply.json().path("request_id").asString()).isNotBlank();
		}
		assertThat(this.api.get("/v1/health").send().status()).isEqualTo(200);
	}

	@Test
	void prodProfileKeepsApiDocsPrivateByDefault() throws IOException {
		List<PropertySource<?>> prod = new YamlPropertySourceLoader().load("prod",
				new ClassPathResource("application-prod.yml"));
		assertThat(prod)
			.anySatisfy((source) -> assertThat(source.getProperty("muejam.api-docs.public")).hasToString("false"));
		List<PropertySource<?>> defaults = new YamlPropertySourceLoader().load("defaults",
				new ClassPathResource("application.yml"));
		assertThat(defaults)
			.anySatisfy((source) -> assertThat(source.getProperty("muejam.api-docs.public")).hasToString("true"));
	}

}
