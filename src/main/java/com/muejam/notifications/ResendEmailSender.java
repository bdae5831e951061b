package com.muejam.notifications;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Sends through Resend's HTTP API ({@code POST /emails}) with the message's idempotency
 * key in {@code Idempotency-Key}, so a message sent twice (after a crash between sending
 * and recording) is delivered once. Timeouts are set; 429 and 5xx answers and I/O errors
 * are retryable.
 */
class ResendEmailSender implements EmailSender {

	private final RestClient http;

	private final String from;

	ResendEmailSender(RestClient.Builder builder, EmailProperties properties) {
		EmailProperties.Resend resend = properties.resend();
		if (resend.apiKey() == null || resend.apiKey().isBlank()) {
			throw new IllegalStateException("muejam.email.resend.api-key must be set for the resend provider");
		}
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(resend.connectTimeout()).build());
		requests.setReadTimeout(resend.readTimeout());
		this.http = builder.clone()
			.baseUrl(resend.baseUrl())
			.requestFactory(requests)
			.defaultHeader("Authorization", "Bearer " + resend.apiKey())
			.build();
		this.from = properties.from();
	}

	@Override
	public String send(EmailMessage message) {
		Map<String, Object> body = Map.of("from", this.from, "to", List.of(message.to()), "subject", message.subject(),
				"html", message.html(), "text", message.text(), "headers", message.headers());
		try {
			JsonNode response = this.http.post()
				.uri("/emails")
				.contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", message.idempotencyKey())
				.body(body)
				.retrieve()
				.body(JsonNode.class);
			return (response != null) ? response.path("id").asString("") : "";
		}
		catch (RestClientResponseException ex) {
			HttpStatusCode status = ex.getStatusCode();
			boolean retryable = status.is5xxServerError() || status.value() == 429;
			throw new EmailDeliveryFailed("Resend answered " + status.value(), retryable, ex);
		}
		catch (RestClientException ex) {
			throw new EmailDeliveryFailed("Resend unreachable: " + ex.getMessage(), true, ex);
		}
	}

}
