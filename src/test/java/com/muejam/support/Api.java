package com.muejam.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.muejam.core.security.LocalIssuer;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * A small HTTP client for tests: real requests to the running application, JSON in and
 * out.
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Supplier<String> baseUrl;

	private final Supplier<LocalIssuer> issuer;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	Api(Supplier<String> baseUrl, Supplier<LocalIssuer> issuer) {
		this.baseUrl = baseUrl;
		this.issuer = issuer;
	}

	/**
	 * A client of a running application started outside the test framework.
	 * @param context the application
	 * @return its client
	 */
	public static Api of(ConfigurableApplicationContext context) {
		return new Api(() -> "http://localhost:" + context.getEnvironment().getProperty("local.server.port"),
				() -> context.getBean(LocalIssuer.class));
	}

	/**
	 * A token of the local issuer for the given Clerk user id.
	 * @param subject the {@code sub}
	 * @param roles roles to grant
	 * @return the bearer token
	 */
	public String token(String subject, String... roles) {
		return this.issuer.get().mint(subject, subject + "@example.com", Set.of(roles)).token();
	}

	public Call get(String path) {
		return new Call("GET", path);
	}

	public Call post(String path) {
		return new Call("POST", path);
	}

	public Call put(String path) {
		return new Call("PUT", path);
	}

	public Call delete(String path) {
		return new Call("DELETE", path);
	}

	public Call method(String method, String path) {
		return new Call(method, path);
	}

	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	/**
	 * One request being built.
	 */
	public final class Call {

		private final String method;

		private final String path;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

		private Call(String method, String path) {
			this.method = method;
			this.path = path;
		}

		public Call bearer(String token) {
			return header("Authorization", "Bearer " + token);
		}

		public Call as(String subject, String... roles) {
			return bearer(token(subject, roles));
		}

		public Call header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		public Call json(Object value) {
			return raw("application/json", (value instanceof String text) ? text : Api.json(value));
		}

		public Call raw(String contentType, String content) {
			header("Content-Type", contentType);
			this.body = HttpRequest.BodyPublishers.ofString(content);
			return this;
		}

		public Call body(HttpRequest.BodyPublisher publisher) {
			this.body = publisher;
			return this;
		}

		public Reply send() {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.this.baseUrl.get() + this.path))
				.timeout(Duration.ofSeconds(30))
				.method(this.method, this.body);
			this.headers.forEach(request::header);
			try {
				HttpResponse<String> response = Api.this.http.send(request.build(),
						HttpResponse.BodyHandlers.ofString());
				ContractCheck.verify(Api.this.baseUrl.get(), Api.this.http, this.method, this.path, response);
				return new Reply(response);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * A response: status, headers and the body as JSON.
	 *
	 * @param response the raw response
	 */
	public record Reply(HttpResponse<String> response) {

		public int status() {
			return this.response.statusCode();
		}

		public String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		public String text() {
			return this.response.body();
		}

		public JsonNode json() {
			return JSON.readTree(this.response.body());
		}

		/**
		 * The error code of an error envelope.
		 * @return {@code error.code}
		 */
		public String errorCode() {
			return json().path("error").path("code").asString();
		}

		@Override
		public String toString() {
			return this.response.statusCode() + " " + this.response.body();
		}

	}

}
