package com.muejam.core.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Refuses to start the {@code prod} profile while a local-only part would be active: the
 * embedded database, the local token issuer or dev tokens, the log email sender, the
 * local object storage, or a per-instance cursor secret; nor with an example or short
 * (under 32 bytes) cursor secret. Runs before any bean is created, so nothing local is
 * started, and fails with one message listing every problem.
 */
class ProductionGuard implements EnvironmentPostProcessor, Ordered {

	static final String PROFILE = "prod";

	/** A cursor secret shorter than this is refused. */
	static final int MIN_SECRET_BYTES = 32;

	/** Placeholders of the {@code config/*.env.example} files: never a real secret. */
	private static final List<String> EXAMPLE_SECRET_MARKERS = List.of("change-me", "changeme");

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
		cursorSecret(env, problems);
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

	private static void cursorSecret(ConfigurableEnvironment env, List<String> problems) {
		String property = "muejam.pagination.cursor-secret";
		String secret = env.getProperty(property);
		if (!StringUtils.hasText(secret)) {
			problems.add(property + " must be set: a cursor secret shared by all instances");
		}
		else if (EXAMPLE_SECRET_MARKERS.stream().anyMatch(secret.toLowerCase(Locale.ROOT)::contains)) {
			problems.add(property + " is an example value: generate one (e.g. `openssl rand -base64 48`)");
		}
		else if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
			problems.add(property + " must be at least " + MIN_SECRET_BYTES + " bytes of random characters");
		}
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
