package com.muejam.core;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

import com.muejam.support.Api;
import com.muejam.support.HostileInput;
import com.muejam.support.IntegrationTest;
import com.muejam.support.OpenApiOperations;
import com.muejam.support.OpenApiOperations.Operation;
import com.muejam.support.OpenApiOperations.Parameter;
import com.muejam.support.RawHttp;
import com.muejam.support.SpringContexts;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated hostile requests against every operation of the live {@code /v3/api-docs}:
 * invalid path, query, header and body values never get a 5xx, every error is the
 * envelope with the request id, and the service stays healthy. 600 tries of one request
 * each; {@code -Dmuejam.fuzz.requests-per-try=N} sends N requests per try for a longer
 * run.
 */
@IntegrationTest
class GeneratedInputProperties {

	/** Requests sent in each try: 1 in the build, more for a longer run. */
	private static final int REQUESTS_PER_TRY = Integer.getInteger("muejam.fuzz.requests-per-try", 1);

	private final ConfigurableApplicationContext context = (ConfigurableApplicationContext) SpringContexts
		.of(GeneratedInputProperties.class);

	private final RawHttp http = new RawHttp(
			Integer.parseInt(this.context.getEnvironment().getRequiredProperty("local.server.port")));

	private final Api api = Api.of(this.context);

	private final List<Operation> operations = OpenApiOperations.of(this.http.get("/v3/api-docs", Map.of()).body())
		.stream()
		// a successful request would hold an event stream open
		.filter((operation) -> !operation.streams())
		// deleting the fuzzer's own account would end the run (AccountDeletionTests)
		.filter((operation) -> !(operation.method().equals("DELETE") && operation.path().equals("/v1/me")))
		.toList();

	@Property(tries = 600, afterFailure = AfterFailureMode.RANDOM_SEED)
	void hostileRequestsAreAnsweredWithTheEnvelope(@ForAll("requests") List<Request> requests) {
		for (Request request : requests) {
			RawHttp.Response response = this.http.send(request.method(), request.target(), request.headers(),
					request.body());
			assertThat(response.status()).as(request + " -> " + response).isLessThan(500);
			if (response.status() >= 400) {
				assertThat(response.isEnvelope()).as(request + " -> " + response).isTrue();
			}
		}
	}

	@AfterProperty
	void serviceStaysHealthy() {
		assertThat(this.operations).hasSizeGreaterThan(50);
		RawHttp.Response health = this.http.get("/actuator/health/readiness", Map.of());
		assertThat(health.status()).as(health.toString()).isEqualTo(200);
		assertThat(this.api.get("/v1/me").as("user_fuzzer").send().status()).isEqualTo(200);
	}

	@Provide
	Arbitrary<List<Request>> requests() {
		String token = this.api.token("user_fuzzer", "moderator");
		return Arbitraries.of(this.operations)
			.flatMap((operation) -> request(operation, token))
			.list()
			.ofSize(REQUESTS_PER_TRY);
	}

	private Arbitrary<Request> request(Operation operation, String token) {
		Arbitrary<String> method = Arbitraries.<String>frequencyOf(Tuple.of(12, Arbitraries.just(operation.method())),
				Tuple.of(1, Arbitraries.of("PATCH", "TRACE", "OPTIONS", "PROPFIND")));
		Arbitrary<String> path = path(operation);
		Arbitrary<String> query = query(operation);
		Arbitrary<Map<String, String>> headers = headers(operation, token);
		Arbitrary<Body> body = body(operation);
		return Combinators.combine(method, path, query, headers, body)
			.as((verb, target, parameters, fields, content) -> {
				Map<String, String> all = new LinkedHashMap<>(fields);
				content.contentType().ifPresent((type) -> all.put("Content-Type", type));
				return new Request(operation.toString(), verb, target + parameters, all, content.bytes());
			});
	}

	private static Arbitrary<String> path(Operation operation) {
		Arbitrary<String> result = Arbitraries.just(operation.path());
		for (Parameter parameter : operation.in("path")) {
			String placeholder = "{" + parameter.name() + "}";
			Arbitrary<String> value = Arbitraries.<String>frequencyOf(
					Tuple.of(1, Arbitraries.just(UUID.randomUUID().toString())), Tuple.of(3, HostileInput.urlValue()));
			result = result.flatMap((template) -> value.map((text) -> template.replace(placeholder, text)));
		}
		return result;
	}

	private static Arbitrary<String> query(Operation operation) {
		List<String> names = new java.util.ArrayList<>(
				operation.in("query").stream().map(Parameter::name).filter((name) -> !name.equals("page")).toList());
		if (operation.method().equals("GET")) {
			// lists take cursor and page_size whatever the document says
			names.add("cursor");
			names.add("page_size");
		}
		names.add("unknown_parameter");
		Arbitrary<String> pair = Arbitraries.of(names)
			.flatMap((name) -> HostileInput.urlValue().map((value) -> name + "=" + value));
		return pair.list().ofMaxSize(4).map((pairs) -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
	}

	private static Arbitrary<Map<String, String>> headers(Operation operation, String token) {
		Arbitrary<Map<String, String>> auth = Arbitraries.<Map<String, String>>frequencyOf(
				Tuple.of(8, HostileInput.authorization(token).map((value) -> Map.of("Authorization", value))),
				Tuple.of(1, Arbitraries.just(Map.<String, String>of())));
		List<String> names = new java.util.ArrayList<>(List.of("X-Request-Id", "Accept", "Origin", "X-Forwarded-For",
				"Last-Event-ID", "Idempotency-Key", "If-None-Match", "X-Fuzz"));
		operation.in("header").forEach((parameter) -> names.add(parameter.name()));
		Arbitrary<Map<String, String>> extra = Arbitraries.maps(Arbitraries.of(names), HostileInput.headerValue())
			.ofMaxSize(2);
		return Combinators.combine(auth, extra).as((authorization, others) -> {
			Map<String, String> all = new LinkedHashMap<>(others);
			all.putAll(authorization);
			return all;
		});
	}

	private static Arbitrary<Body> body(Operation operation) {
		if (operation.mediaTypes().isEmpty() && !operation.method().equals("POST")) {
			return Arbitraries
				.<Body>frequencyOf(Tuple.of(5, Arbitraries.just(new Body(Optional.empty(), new byte[0]))), Tuple.of(1,
						HostileInput.brokenBody().map((bytes) -> new Body(Optional.of("application/json"), bytes))));
		}
		Arbitrary<String> json = jsonObject(operation);
		Arbitrary<byte[]> content = Arbitraries.<byte[]>frequencyOf(
				Tuple.of(3, json.map((text) -> text.getBytes(StandardCharsets.UTF_8))),
				Tuple.of(1, HostileInput.brokenBody()));
		return Combinators.combine(HostileInput.contentType(), content)
			.as((type, bytes) -> new Body(Optional.of(type), bytes));
	}

	/**
	 * The operation's JSON body with a few properties (and maybe an unknown one) set to
	 * wrong values.
	 */
	private static Arbitrary<String> jsonObject(Operation operation) {
		List<String> names = new java.util.ArrayList<>(operation.body().keySet());
		names.add("unknown_field");
		Arbitrary<String> member = Arbitraries.of(names)
			.flatMap((name) -> HostileInput
				.jsonValue(operation.body().getOrDefault(name, tools.jackson.databind.node.NullNode.getInstance()))
				.map((value) -> "\"" + name + "\":" + value));
		return member.list().ofMaxSize(3).map((members) -> "{" + String.join(",", members) + "}");
	}

	/**
	 * One generated request.
	 */
	record Request(String operation, String method, String target, Map<String, String> headers, byte[] body) {

		@Override
		public String toString() {
			String shownBody = new String(this.body, StandardCharsets.ISO_8859_1);
			shownBody = (shownBody.length() > 300) ? shownBody.substring(0, 300) + "...(" + this.body.length + " bytes)"
					: shownBody;
			String shownTarget = (this.target.length() > 300) ? this.target.substring(0, 300) + "..." : this.target;
			Map<String, String> shownHeaders = new LinkedHashMap<>();
			this.headers.forEach((name, value) -> shownHeaders.put(name,
					(value.length() > 100) ? value.substring(0, 100) + "...(" + value.length() + ")" : value));
			return "[" + this.operation + "] " + this.method + " " + shownTarget + " " + shownHeaders + " " + shownBody;
		}

	}

	private record Body(Optional<String> contentType, byte[] bytes) {
	}

}
