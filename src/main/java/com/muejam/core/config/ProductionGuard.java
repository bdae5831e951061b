package com.muejam.core.config;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Refuses to start the {@code prod} profile while a local-only part would be active: the
 * embedded database, the local token issuer or dev tokens, the log email sender, the
 * local object storage, or a per-instance cursor secret. Runs before any bean is created,
 * so nothing local is started, and fails with one message listing every problem.
 */
class ProductionGuard implements EnvironmentPostProcessor, Ordered {

	static final String PROFILE = "prod";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.matchesProfiles(PROFILE)) {
			return;
		}
		List<String> problems = problems(environment);
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					"The 'prod' profile refuses to start with local-only parts:\n - " + String.join("\n - ", problems));
		}
	}

	static List<String> problems(ConfigurableEnvironment env) {
		List<String> problems = new ArrayList<>();
		require(env, problems, "spring.datasource.url", "an external PostgreSQL (the embedded one is local-only)");
		require(env, problems, "muejam.auth.clerk.jwks-uri", "Clerk's JWKS URL (the local issuer is local-only)");
		require(env, problems, "muejam.auth.clerk.issuer", "Clerk's token issuer");
		require(env, problems, "muejam.auth.clerk.authorized-parties", "the frontend origins accepted in azp");
		require(env, problems, "muejam.pagination.cursor-secret", "a cursor secret shared by all instances");
		if (env.getProperty("muejam.auth.dev-tokens.enabled", Boolean.class, true)) {
			problems.add("muejam.auth.dev-tokens.enabled must be false (dev tokens are local-only)");
		}
		if (!"resend".equals(env.getProperty("muejam.email.provider", "log"))) {
			problems.add("muejam.email.provider must be 'resend' (the log sender is local-only)");
		}
		else {
			require(env, problems, "muejam.email.resend.api-key", "the Resend API key");
		}
		if (!"s3".equals(env.getProperty("muejam.storage.provider", "local"))) {
			problems.add("muejam.storage.provider must be 's3' (the local storage is local-only)");
		}
		else {
			require(env, problems, "muejam.storage.s3.bucket", "the S3 bucket");
			require(env, problems, "muejam.storage.public-base-url",
					"the public (CDN or bucket) URL of uploaded objects");
		}
		return problems;
	}

	private static void require(ConfigurableEnvironment env, List<String> problems, String property, String what) {
		if (!StringUtils.hasText(env.getProperty(property))
				&& !StringUtils.hasText(env.getProperty(property + "[0]"))) {
			problems.add(property + " must be set: " + what);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
