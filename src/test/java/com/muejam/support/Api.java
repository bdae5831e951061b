package com.muejam.support;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.muejam.core.security.LocalIssuer;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Real HTTP requests to the running application, JSON in and out, through Spring's
 * {@link RestTestClient} (on the JDK's HTTP client, so the bytes on the wire are the same
 * whatever else is on the classpath). Every response to a {@code /v1} operation is
 * checked against the served OpenAPI document ({@link ContractCheck}).
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Supplier<String> baseUrl;

	private final Supplier<LocalIssuer> issuer;

	private final RestTestClient client;

	private final AtomicInteger clients = new AtomicInteger();

	/**
	 * Where signed-out requests come from ({@code X-Forwarded-For}, which the application
	 * trusts from the loopback proxy), or {@code null} for the connection's own address.
	 */
	private volatile @Nullable String clientAddress;

	Api(Supplier<String> baseUrl, Supplier<LocalIssuer> issuer) {
		this.baseUrl = baseUrl;
		this.issuer = issuer;
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
		requests.setReadTimeout(Duration.ofSeconds(30));
		this.client = RestTestClient.bindToServer(requests).build();
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

	/**
	 * Sends what follows from another client address, as a new visitor would: the
	 * per-address limit of anonymous requests starts afresh ({@link CleanState}, before
	 * each test, so that no test inherits its neighbours' requests).
	 */
	public void newClientAddress() {
		int client = this.clients.incrementAndGet();
		this.clientAddress = "198.18." + ((client / 250) % 250) + "." + (client % 250 + 1);
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
	 * One request being built: a path of the application, or an absolute URL (a presigned
	 * upload).
	 */
	public final class Call {

		private final String method;

		private final String path;

		private final HttpHeaders headers = new HttpHeaders();

		private @Nullable Object body;

		private Call(String method, String path) {
			this.method = method;
			this.path = path;
			String client = Api.this.clientAddress;
			if (client != null) {
				this.headers.set("X-Forwarded-For", client);
			}
		}

		public Call bearer(String token) {
			return header("Authorization", "Bearer " + token);
		}

		public Call as(String subject, String... roles) {
			return bearer(token(subject, roles));
		}

		public Call header(String name, String value) {
			this.headers.set(name, value);
			return this;
		}

		public Call json(Object value) {
			return raw("application/json", (value instanceof String text) ? text : Api.json(value));
		}

		public Call raw(String contentType, String content) {
			return bytes(contentType, content.getBytes(StandardCharsets.UTF_8));
		}

		/**
		 * A body of declared length ({@code Content-Length}).
		 * @param contentType its media type
		 * @param content the bytes
		 * @return this call
		 */
		public Call bytes(String contentType, byte[] content) {
			header("Content-Type", contentType);
			this.body = content;
			return this;
		}

		/**
		 * A body of undeclared length, sent in chunks ({@code Transfer-Encoding:
		 * chunked}).
		 * @param contentType its media type
		 * @param content the bytes
		 * @return this call
		 */
		public Call chunked(String contentType, byte[] content) {
			header("Content-Type", contentType);
			this.body = new InputStreamResource(new ByteArrayInputStream(content));
			return this;
		}

		public Reply send() {
			URI uri = URI.create(this.path.startsWith("http") ? this.path : Api.this.baseUrl.get() + this.path);
			var request = Api.this.client.method(HttpMethod.valueOf(this.method))
				.uri(uri)
				.headers((all) -> all.addAll(this.headers));
			if (this.body != null) {
				request.body(this.body);
			}
			EntityExchangeResult<byte[]> result = request.exchange().returnResult(byte[].class);
			byte[] content = result.getResponseBody();
			byte[] bytes = (content != null) ? content : new byte[0];
			Reply reply = new Reply(result.getStatus().value(), result.getResponseHeaders(),
					new String(bytes, StandardCharsets.UTF_8), bytes);
			ContractCheck.verify(Api.this.baseUrl.get(), Api.this.client, this.method, this.path, reply);
			return reply;
		}

	}

	/**
	 * A response: status, headers and the body as text or JSON.
	 *
	 * @param status the status code
	 * @param headers the response headers
	 * @param text the body
	 * @param bytes the body as sent (a file)
	 */
	public record Reply(int status, HttpHeaders headers, String text, byte[] bytes) {

		public @Nullable String header(String name) {
			return this.headers.getFirst(name);
		}

		public JsonNode json() {
			return JSON.readTree(this.text);
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
			return this.status + " " + this.text;
		}

	}

}
