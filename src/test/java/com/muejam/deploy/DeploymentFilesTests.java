package com.muejam.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the deployment files that no build step runs: {@code docker-compose.yml},
 * {@code deploy/nginx.conf}, the {@code Dockerfile}, the CI workflow and
 * {@code config/compose.env.example}. No Docker engine is needed; each test fails when
 * one of these files loses something the deployment relies on. Paths are relative to the
 * project root, the working directory of Surefire.
 */
class DeploymentFilesTests {

	private static final Pattern REQUIRED_VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*):?\\?");

	private static final Pattern UPSTREAM = Pattern.compile("\\bupstream\\s+([\\w.-]+)\\s*\\{");

	private static final Pattern LOCATION = Pattern.compile("\\blocation\\s+(?:[=~^*]+\\s+)?(\\S+)\\s*\\{");

	private Map<String, Object> compose;

	@BeforeEach
	void loadCompose() throws IOException {
		this.compose = yaml(Path.of("docker-compose.yml"));
	}

	@Test
	void composeDefinesTheWholeStack() {
		assertThat(services()).containsKeys("postgres", "valkey", "minio", "minio-init", "app1", "app2", "nginx");
	}

	@Test
	void everyLongRunningServiceHasAHealthcheck() {
		Set<String> longRunning = new TreeSet<>();
		services().forEach((name, definition) -> {
			// one-shot jobs say restart: "no" (YAML 1.1 reads an unquoted no as false)
			Object restart = map(definition).get("restart");
			if (!"no".equals(restart) && !Boolean.FALSE.equals(restart)) {
				longRunning.add(name);
			}
		});
		assertThat(longRunning).contains("postgres", "valkey", "minio", "app1", "app2", "nginx")
			.doesNotContain("minio-init");
		for (String name : longRunning) {
			Map<String, Object> healthcheck = map(service(name).get("healthcheck"));
			assertThat(healthcheck).as("healthcheck of %s", name).containsKey("test");
			assertThat(healthcheck.get("disable")).as("healthcheck of %s", name).isNotEqualTo(true);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "app1", "app2" })
	void appInstancesRunTheProductionProfileAgainstTheSharedServices(String name) {
		Map<String, String> environment = environment(name);
		assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "prod")
			.containsEntry("MUEJAM_STORAGE_PROVIDER", "s3");
		assertThat(environment.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://postgres:");
		assertThat(environment.get("SPRING_DATA_REDIS_URL")).startsWith("redis://valkey:");
		assertThat(environment.get("MUEJAM_PAGINATION_CURSOR_SECRET")).isNotBlank();
		Map<String, Object> dependsOn = map(service(name).get("depends_on"));
		assertThat(map(dependsOn.get("postgres"))).containsEntry("condition", "service_healthy");
		assertThat(map(dependsOn.get("valkey"))).containsEntry("condition", "service_healthy");
		Map<String, Object> healthcheck = map(service(name).get("healthcheck"));
		assertThat(String.valueOf(healthcheck.get("test"))).contains("/actuator/health/readiness");
	}

	@Test
	void appInstancesShareOneImageAndOneConfiguration() {
		// a cursor signed by one instance must be accepted by the other
		assertThat(environment("app2")).isEqualTo(environment("app1"));
		assertThat(service("app2").get("image")).isEqualTo(service("app1").get("image"));
		assertThat(service("app2").get("build")).isNotNull().isEqualTo(service("app1").get("build"));
	}

	@Test
	void onlyNginxAndTheUploadEndpointArePublished() {
		Set<String> publishing = new TreeSet<>();
		services().forEach((name, definition) -> {
			Object ports = map(definition).get("ports");
			if (ports instanceof List<?> list && !list.isEmpty()) {
				publishing.add(name);
			}
		});
		assertThat(publishing).containsExactly("minio", "nginx");
		// MinIO's S3 API only on the host's loopback, where upload URLs are signed for
		assertThat(String.valueOf(map(service("minio")).get("ports"))).isEqualTo("[127.0.0.1:9000:9000]");
		assertThat(environment("app1")).containsEntry("MUEJAM_STORAGE_S3_PRESIGN_ENDPOINT",
				"${MUEJAM_STORAGE_S3_PRESIGN_ENDPOINT:-http://localhost:9000}");
	}

	@Test
	void nginxMountsItsConfigurationWhichBalancesBothInstances() throws IOException {
		List<String> volumes = new ArrayList<>();
		for (Object volume : list(service("nginx").get("volumes"))) {
			volumes.add(String.valueOf(volume));
		}
		assertThat(volumes).anySatisfy(
				(volume) -> assertThat(volume).matches("(\\./)?deploy/nginx\\.conf:/etc/nginx/nginx\\.conf(:ro)?"));
		Path configuration = Path.of("deploy/nginx.conf");
		assertThat(configuration).isRegularFile();
		String nginx = withoutComments(Files.readString(configuration));
		String balancer = null;
		Matcher upstreams = UPSTREAM.matcher(nginx);
		while (upstreams.find()) {
			String servers = block(nginx, upstreams.end() - 1);
			if (servers.matches("(?s).*\\bserver\\s+app1:8080\\b.*")
					&& servers.matches("(?s).*\\bserver\\s+app2:8080\\b.*")) {
				balancer = upstreams.group(1);
			}
		}
		assertThat(balancer).as("an upstream with app1:8080 and app2:8080").isNotNull();
		String stream = location(nginx, "/v1/notifications/stream");
		assertThat(stream).containsPattern("proxy_buffering\\s+off\\s*;")
			.containsPattern("proxy_pass\\s+http://" + Pattern.quote(balancer) + "\\s*;");
		assertThat(location(nginx, "/")).containsPattern("proxy_pass\\s+http://" + Pattern.quote(balancer) + "\\s*;");
		assertThat(location(nginx, "/actuator")).containsPattern("deny\\s+all\\s*;|return\\s+40[34]\\b");
	}

	@Test
	void dockerfileBuildsANonRootLayeredImage() throws IOException {
		List<List<String[]>> stages = dockerfileStages(Path.of("Dockerfile"));
		assertThat(stages).as("FROM stages").hasSizeGreaterThanOrEqualTo(2);
		List<String[]> runtime = stages.get(stages.size() - 1);
		Map<String, String> arguments = new LinkedHashMap<>();
		String user = null;
		String healthcheck = null;
		String entrypoint = null;
		List<String> copied = new ArrayList<>();
		for (String[] instruction : runtime) {
			switch (instruction[0]) {
				case "ARG" -> {
					String[] argument = instruction[1].split("=", 2);
					arguments.put(argument[0].trim(), (argument.length > 1) ? unquote(argument[1].trim()) : "");
				}
				case "USER" -> user = substitute(instruction[1], arguments);
				case "HEALTHCHECK" -> healthcheck = instruction[1];
				case "ENTRYPOINT" -> entrypoint = instruction[1];
				case "COPY" -> copied.add(instruction[1]);
				default -> {
				}
			}
		}
		assertThat(user).as("USER of the final stage").isNotBlank();
		assertThat(user.split(":")[0].trim()).isNotIn("root", "0", "");
		assertThat(healthcheck).as("HEALTHCHECK of the final stage")
			.isNotNull()
			.doesNotStartWith("NONE")
			.contains("/actuator/health/liveness");
		assertThat(quotedStrings(entrypoint)).as("ENTRYPOINT")
			.containsExactly("java", "org.springframework.boot.loader.launch.JarLauncher");
		assertThat(layerOrder(copied)).containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies",
				"application");
	}

	@Test
	void theImageCommitsItsWholeHeapFromTheStart() throws IOException {
		List<List<String[]>> stages = dockerfileStages(Path.of("Dockerfile"));
		String environment = stages.get(stages.size() - 1)
			.stream()
			.filter((instruction) -> instruction[0].equals("ENV"))
			.map((instruction) -> instruction[1])
			.reduce("", String::concat);
		Matcher maximum = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(environment);
		Matcher initial = Pattern.compile("-XX:InitialRAMPercentage=(\\d+)").matcher(environment);
		assertThat(maximum.find()).as("MaxRAMPercentage in " + environment).isTrue();
		assertThat(initial.find()).as("InitialRAMPercentage in " + environment).isTrue();
		// a heap left to grow stays small under load, and G1 marks it every few seconds
		assertThat(initial.group(1)).isEqualTo(maximum.group(1));
	}

	@Test
	void continuousIntegrationRunsTheProjectEntryPoint() throws IOException {
		Map<String, Object> workflow = yaml(Path.of(".github/workflows/ci.yml"));
		// YAML 1.1 reads the key "on" as the boolean true
		Map<String, Object> triggers = map(workflow.containsKey("on") ? workflow.get("on") : workflow.get(true));
		assertThat(triggers).containsKeys("push", "pull_request");
		List<String> runs = new ArrayList<>();
		map(workflow.get("jobs")).forEach((name, job) -> {
			assertThat(map(job)).as("job %s", name).containsKey("timeout-minutes");
			for (Object step : list(map(job).get("steps"))) {
				Object run = map(step).get("run");
				if (run != null) {
					runs.add(run.toString());
				}
			}
		});
		assertThat(runs)
			.anySatisfy((run) -> assertThat(run).containsPattern("(^|\\s)(bash\\s+)?(\\./)?\\.ci/run(\\s|$)"));
	}

	@Test
	void composeEnvironmentExampleAnswersEveryRequiredVariable() throws IOException {
		Set<String> required = new TreeSet<>();
		collectRequiredVariables(this.compose, required);
		assertThat(required).contains("MUEJAM_PAGINATION_CURSOR_SECRET");
		Properties example = new Properties();
		for (String line : Files.readAllLines(Path.of("config/compose.env.example"))) {
			String trimmed = line.trim();
			if (!trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")) {
				String[] entry = trimmed.split("=", 2);
				example.setProperty(entry[0].trim(), entry[1].trim());
			}
		}
		for (String variable : required) {
			assertThat(example.getProperty(variable)).as("%s in config/compose.env.example", variable).isNotBlank();
		}
	}

	private Map<String, Object> services() {
		return map(this.compose.get("services"));
	}

	private Map<String, Object> service(String name) {
		assertThat(services()).containsKey(name);
		return map(services().get(name));
	}

	private Map<String, String> environment(String name) {
		Map<String, String> environment = new LinkedHashMap<>();
		Object definition = service(name).get("environment");
		if (definition instanceof Map<?, ?> entries) {
			entries.forEach((key, value) -> environment.put(String.valueOf(key), String.valueOf(value)));
		}
		else {
			for (Object entry : list(definition)) {
				String[] pair = String.valueOf(entry).split("=", 2);
				environment.put(pair[0], (pair.length > 1) ? pair[1] : "");
			}
		}
		return environment;
	}

	private static Map<String, Object> yaml(Path file) throws IOException {
		assertThat(file).isRegularFile();
		Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
		assertThat(document).as(file.toString()).isNotNull();
		return document;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	private static List<?> list(Object value) {
		assertThat(value).isInstanceOf(List.class);
		return (List<?>) value;
	}

	private static void collectRequiredVariables(Object node, Set<String> required) {
		if (node instanceof Map<?, ?> map) {
			map.values().forEach((value) -> collectRequiredVariables(value, required));
		}
		else if (node instanceof List<?> list) {
			list.forEach((value) -> collectRequiredVariables(value, required));
		}
		else if (node instanceof String text) {
			Matcher matcher = REQUIRED_VARIABLE.matcher(text);
			while (matcher.find()) {
				required.add(matcher.group(1));
			}
		}
	}

	private static String withoutComments(String nginx) {
		return nginx.replaceAll("(?m)#.*$", "");
	}

	/**
	 * The text between the brace at {@code open} and its matching closing brace.
	 */
	private static String block(String text, int open) {
		int depth = 0;
		for (int i = open; i < text.length(); i++) {
			if (text.charAt(i) == '{') {
				depth++;
			}
			else if (text.charAt(i) == '}' && --depth == 0) {
				return text.substring(open + 1, i);
			}
		}
		throw new AssertionError("Unbalanced braces after offset " + open);
	}

	private static String location(String nginx, String path) {
		Matcher locations = LOCATION.matcher(nginx);
		while (locations.find()) {
			if (locations.group(1).equals(path)) {
				return block(nginx, locations.end() - 1);
			}
		}
		throw new AssertionError("No location " + path + " in deploy/nginx.conf");
	}

	/**
	 * The instructions of each build stage, as {@code [KEYWORD, arguments]}, with
	 * continuation lines joined and comments left out.
	 */
	private static List<List<String[]>> dockerfileStages(Path dockerfile) throws IOException {
		assertThat(dockerfile).isRegularFile();
		List<List<String[]>> stages = new ArrayList<>();
		StringBuilder pending = new StringBuilder();
		for (String line : Files.readAllLines(dockerfile)) {
			String trimmed = line.trim();
			if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
				continue;
			}
			if (trimmed.endsWith("\\")) {
				pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
				continue;
			}
			String instruction = pending.append(trimmed).toString().trim();
			pending.setLength(0);
			if (instruction.isEmpty()) {
				continue;
			}
			String[] parts = instruction.split("\\s+", 2);
			String keyword = parts[0].toUpperCase();
			if (keyword.equals("FROM")) {
				stages.add(new ArrayList<>());
			}
			if (!stages.isEmpty()) {
				stages.get(stages.size() - 1).add(new String[] { keyword, (parts.length > 1) ? parts[1] : "" });
			}
		}
		return stages;
	}

	private static String substitute(String text, Map<String, String> arguments) {
		String result = text;
		for (Map.Entry<String, String> argument : arguments.entrySet()) {
			result = result.replace("${" + argument.getKey() + "}", argument.getValue())
				.replace("$" + argument.getKey(), argument.getValue());
		}
		return result;
	}

	private static String unquote(String text) {
		return (text.length() > 1 && text.startsWith("\"") && text.endsWith("\""))
				? text.substring(1, text.length() - 1) : text;
	}

	private static List<String> quotedStrings(String jsonArray) {
		assertThat(jsonArray).as("exec form").isNotNull().startsWith("[").endsWith("]");
		List<String> strings = new ArrayList<>();
		Matcher matcher = Pattern.compile("\"([^\"]*)\"").matcher(jsonArray);
		while (matcher.find()) {
			strings.add(matcher.group(1));
		}
		return strings;
	}

	/**
	 * The layers of {@code extract --layers} in the order the final stage copies them.
	 */
	private static List<String> layerOrder(List<String> copies) {
		Set<String> layers = new LinkedHashSet<>();
		Pattern layer = Pattern.compile("/(dependencies|spring-boot-loader|snapshot-dependencies|application)/?\\s");
		for (String copy : copies) {
			Matcher matcher = layer.matcher(copy + " ");
			if (copy.startsWith("--from=") && matcher.find()) {
				layers.add(matcher.group(1));
			}
		}
		return new ArrayList<>(layers);
	}

}
