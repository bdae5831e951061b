package com.muejam.notifications;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
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
	 * @param jdbc the database
	 * @return the gauge {@code muejam.email.outbox.backlog}
	 */
	@Bean
	MeterBinder emailOutboxBacklog(JdbcClient jdbc) {
		return (registry) -> Gauge.builder("muejam.email.outbox.backlog", jdbc,
				(db) -> db.sql("select count(*) from email_outbox where status = 'PENDING'").query(Long.class).single())
			.description("Emails waiting in the outbox")
			.register(registry);
	}

}
