package com.muejam.support;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Checks every response a test receives against the application's own OpenAPI document
 * ({@code /v3/api-docs}), with Atlassian's OpenAPI validator: the status must be
 * documented for the operation, and the body and headers must match its schema. Every
 * HTTP test is so a contract test too: the document cannot drift from what the server
 * sends.
 */
final class ContractCheck {

	/**
	 * Requests that name no operation: unknown paths and methods (tests of 404 and 405).
	 * CORS preflights and the local object store's bytes are not checked either.
	 */
	private static final Set<String> NOT_AN_OPERATION = Set.of("validation.response.path.missing",
			"validation.request.path.missing", "validation.response.operation.notAllowed",
			"validation.request.operation.notAllowed");

	private static final Map<String, Optional<OpenApiInteractionValidator>> VALIDATORS = new ConcurrentHashMap<>();

	private ContractCheck() {
	}

	static void verify(String baseUrl, RestTestClient client, String method, String pathAndQuery, Api.Reply reply) {
		String path = URI.create(pathAndQuery).getRawPath();
		if (path == null || !path.startsWith("/v1/") || path.startsWith("/v1/objects/") || method.equals("OPTIONS")) {
			return;
		}
		SimpleResponse.Builder actual = SimpleResponse.Builder.status(reply.status()).withBody(reply.text());
		reply.headers().forEach(actual::withHeader);
		String contentType = reply.header("Content-Type");
		if (contentType != null) {
			actual.withContentType(contentType);
		}
		Optional<OpenApiInteractionValidator> validator = validator(baseUrl, client);
		if (validator.isEmpty()) {
			return;
		}
		ValidationReport report = validator.get()
			.validateResponse(path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), actual.build());
		String problems = report.getMessages()
			.stream()
			.filter((message) -> message.getLevel() == ValidationReport.Level.ERROR)
			.filter((message) -> !NOT_AN_OPERATION.contains(message.getKey()))
			.map((message) -> message.getKey() + ": " + message.getMessage())
			.collect(Collectors.joining("\n  "));
		if (!problems.isEmpty()) {
			throw new AssertionError("The response to " + method + " " + pathAndQuery + " (" + reply
					+ ") does not match the OpenAPI document:\n  " + problems);
		}
	}

	/**
	 * The validator of the application at {@code baseUrl}; empty where the application
	 * serves no document ({@code muejam.api-docs.public=false}).
	 */
	private static Optional<OpenApiInteractionValidator> validator(String baseUrl, RestTestClient client) {
		return VALIDATORS.computeIfAbsent(baseUrl, (url) -> {
			EntityExchangeResult<String> document = client.get()
				.uri(URI.create(url + "/v3/api-docs"))
				.exchange()
				.returnResult(String.class);
			String body = document.getResponseBody();
			if (document.getStatus().value() != 200 || body == null) {
				return Optional.empty();
			}
			return Optional.of(OpenApiInteractionValidator.createForInlineApiSpecification(body).build());
		});
	}

}
