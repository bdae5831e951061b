package com.muejam.notifications;

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

}
