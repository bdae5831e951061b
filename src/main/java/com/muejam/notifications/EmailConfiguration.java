package com.muejam.notifications;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The email sender chosen by {@code muejam.email.provider}.
 */
@Configuration(proxyBeanMethods = false)
class EmailConfiguration {

	@Bean
	@ConditionalOnProperty(name = "muejam.email.provider", havingValue = "resend")
	EmailSender resendEmailSender(RestClient.Builder builder, EmailProperties properties) {
		return new ResendEmailSender(builder, properties);
	}

	@Bean
	@ConditionalOnProperty(name = "muejam.email.provider", havingValue = "log", matchIfMissing = true)
	LogEmailSender logEmailSender() {
		return new LogEmailSender();
	}

	/**
	 * The outbox backlog: messages waiting to be sent (counted on the partial index of
	 * due messages). A growing backlog means the provider is failing or the worker is not
	 * running.
	 * @param queries the outbox's queries
	 * @return the gauge {@code muejam.email.outbox.backlog}
	 */
	@Bean
	MeterBinder emailOutboxBacklog(OutboxQueries queries) {
		return (registry) -> Gauge.builder("muejam.email.outbox.backlog", queries, OutboxQueries::backlog)
			.description("Emails waiting in the outbox")
			.register(registry);
	}

}
