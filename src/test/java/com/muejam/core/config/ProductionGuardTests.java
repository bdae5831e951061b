package com.muejam.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.muejam.MueJamApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductionGuardTests {

	@Test
	void refusesProdWithLocalOnlyParts() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("prod");
		List<String> problems = ProductionGuard.problems(environment);
		assertThat(problems).anyMatch((p) -> p.startsWith("spring.datasource.url"))
			.anyMatch((p) -> p.startsWith("muejam.auth.clerk.jwks-uri"))
			.anyMatch((p) -> p.startsWith("muejam.auth.clerk.issuer"))
			.anyMatch((p) -> p.startsWith("muejam.auth.clerk.authorized-parties"))
			.anyMatch((p) -> p.startsWith("muejam.auth.dev-tokens.enabled"))
			.anyMatch((p) -> p.startsWith("muejam.email.provider"))
			.anyMatch((p) -> p.startsWith("muejam.storage.provider"))
			.anyMatch((p) -> p.startsWith("muejam.pagination.cursor-secret"));
	}

	@Test
	void acceptsFullyConfiguredProduction() {
		MockEnvironment environment = productionEnvironment();
		assertThat(ProductionGuard.problems(environment)).isEmpty();
	}

	@Test
	void refusesDevTokensEvenWhenEverythingElseIsConfigured() {
		MockEnvironment environment = productionEnvironment().withProperty("muejam.auth.dev-tokens.enabled", "true");
		assertThat(ProductionGuard.problems(environment)).singleElement()
			.asString()
			.startsWith("muejam.auth.dev-tokens.enabled");
	}

	@Test
	void refusesTheCursorSecretOfEveryEnvironmentExample() throws IOException {
		List<Path> examples;
		try (Stream<Path> files = Files.list(Path.of("config"))) {
			examples = files.filter((file) -> file.getFileName().toString().endsWith(".env.example")).toList();
		}
		List<String> secrets = new ArrayList<>();
		for (Path example : examples) {
			for (String line : Files.readAllLines(example)) {
				String prefix = "MUEJAM_PAGINATION_CURSOR_SECRET=";
				String trimmed = line.strip().replaceFirst("^#\\s*", "");
				if (trimmed.startsWith(prefix) && trimmed.length() > prefix.length()) {
					secrets.add(trimmed.substring(prefix.length()));
				}
			}
		}
		assertThat(secrets).isNotEmpty();
		for (String secret : secrets) {
			MockEnvironment environment = productionEnvironment().withProperty("muejam.pagination.cursor-secret",
					secret);
			assertThat(ProductionGuard.problems(environment)).as(secret)
				.singleElement()
				.asString()
				.startsWith("muejam.pagination.cursor-secret")
				.contains("example");
		}
	}

	@Test
	void refusesCursorSecretsShorterThan32Bytes() {
		MockEnvironment environment = productionEnvironment().withProperty("muejam.pagination.cursor-secret",
				"x7Qp2vLm9RtK4wZs8NbC3yHd6FgJ1aE");
		assertThat(ProductionGuard.problems(environment)).singleElement()
			.asString()
			.startsWith("muejam.pagination.cursor-secret")
			.contains("32 bytes");
		MockEnvironment exactly32 = productionEnvironment().withProperty("muejam.pagination.cursor-secret",
				"x7Qp2vLm9RtK4wZs8NbC3yHd6FgJ1aEu");
		assertThat(ProductionGuard.problems(exactly32)).isEmpty();
	}

	@Test
	void prodProfileFailsToStartBeforeAnythingLocalRuns() {
		SpringApplication application = new SpringApplication(MueJamApplication.class);
		application.setAdditionalProfiles("prod");
		assertThatThrownBy(() -> application.run("--server.port=0")).hasMessageContaining("'prod' profile refuses")
			.hasMessageContaining("spring.datasource.url");
	}

	private static MockEnvironment productionEnvironment() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("prod");
		return environment.withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/muejam")
			.withProperty("muejam.auth.clerk.jwks-uri", "https://clerk.example/.well-known/jwks.json")
			.withProperty("muejam.auth.clerk.issuer", "https://clerk.example")
			.withProperty("muejam.auth.clerk.authorized-parties[0]", "https://app.example")
			.withProperty("muejam.auth.dev-tokens.enabled", "false")
			.withProperty("muejam.pagination.cursor-secret", "a-long-random-secret-for-cursors-1234")
			.withProperty("muejam.email.provider", "resend")
			.withProperty("muejam.email.resend.api-key", "re_123")
			.withProperty("muejam.storage.provider", "s3")
			.withProperty("muejam.storage.s3.bucket", "muejam-uploads")
			.withProperty("muejam.storage.public-base-url", "https://cdn.example");
	}

}
