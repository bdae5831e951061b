package com.muejam.notifications;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A local stand-in for Resend's API: records every request, answers with scripted
 * failures first, and, like Resend, delivers each idempotency key once (a repeat returns
 * the first id).
 */
final class ResendStub implements AutoCloseable {

	private final HttpServer server;

	private final List<Request> requests = new ArrayList<>();

	private final Deque<Integer> failures = new ConcurrentLinkedDeque<>();

	private final Map<String, String> delivered = new HashMap<>();

	ResendStub() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Map<String, String> headers = new HashMap<>();
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
			String reply;
			int status;
			synchronized (this) {
				this.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
						body, Instant.now()));
				Integer failure = this.failures.poll();
				if (failure != null) {
					status = failure;
					reply = "{\"statusCode\":" + failure + ",\"message\":\"scripted failure\"}";
				}
				else {
					String key = headers.getOrDefault("idempotency-key", "");
					String id = this.delivered.computeIfAbsent(key, (k) -> "re_" + this.delivered.size());
					status = 200;
					reply = "{\"id\":\"" + id + "\"}";
				}
			}
			byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		this.server.start();
	}

	/**
	 * A started stand-in.
	 * @return the stand-in, listening
	 */
	static ResendStub started() {
		try {
			return new ResendStub();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * Points the application's email at this stand-in, through the real Resend client.
	 * @param registry the test's properties
	 */
	void serve(DynamicPropertyRegistry registry) {
		registry.add("muejam.email.provider", () -> "resend");
		registry.add("muejam.email.resend.api-key", () -> "re_test_key");
		registry.add("muejam.email.resend.base-url", this::baseUrl);
		registry.add("muejam.email.from", () -> "MueJam <hello@muejam.test>");
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	synchronized void failNext(int status, int times) {
		for (int i = 0; i < times; i++) {
			this.failures.add(status);
		}
	}

	synchronized List<Request> requests() {
		return List.copyOf(this.requests);
	}

	synchronized int deliveredMessages() {
		return this.delivered.size();
	}

	synchronized void reset() {
		this.requests.clear();
		this.failures.clear();
		this.delivered.clear();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Request(String method, String path, Map<String, String> headers, String body, Instant at) {
	}

}
