package com.muejam.support;

import com.muejam.core.security.LocalIssuer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * Beans tests use to call the running application.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClients {

	@Bean
	static StatementCounter statementCounter() {
		return new StatementCounter();
	}

	@Bean
	@Lazy
	Fixtures fixtures(Api api) {
		return new Fixtures(api);
	}

	@Bean
	@Lazy
	Api api(Environment environment, ObjectProvider<LocalIssuer> issuer) {
		return new Api(() -> "http://localhost:" + environment.getProperty("local.server.port"),
				issuer::getIfAvailable);
	}

}
