package com.muejam.bench;

import java.util.ArrayList;
import java.util.List;

import com.muejam.MueJamApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How the benchmarks start the application: on a random port, on a fresh ephemeral
 * embedded PostgreSQL, rate limits and scheduled jobs off (a benchmark runs the jobs it
 * measures itself), quiet logs.
 */
final class BenchmarkApp {

	private BenchmarkApp() {
	}

	/**
	 * Starts the application.
	 * @param settings more settings ({@code --name=value})
	 * @return the running application
	 */
	static ConfigurableApplicationContext start(String... settings) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--muejam.embedded-postgres.ephemeral=true",
				"--muejam.data-dir=target/bench-data", "--muejam.rate-limits.enabled=false",
				"--muejam.scheduling.enabled=false", "--logging.level.root=warn"));
		args.addAll(List.of(settings));
		return SpringApplication.run(MueJamApplication.class, args.toArray(String[]::new));
	}

	/**
	 * @param app the running application
	 * @return its base URL
	 */
	static String baseUrl(ConfigurableApplicationContext app) {
		return "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
	}

}
