package com.muejam.core.database;

import java.time.Duration;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Registers {@link TransientFailureRetry} around every read-write {@code @Transactional}
 * method, ordered before (outside) the transaction interceptor so that each attempt is a
 * fresh transaction. {@code muejam.database.transient-retries} (3) and
 * {@code muejam.database.transient-retry-delay} (20 ms, doubled per retry, jittered).
 */
@Configuration(proxyBeanMethods = false)
@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
class TransientFailureRetryConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor transientFailureRetryAdvisor(Environment environment) {
		int retries = environment.getProperty("muejam.database.transient-retries", Integer.class, 3);
		Duration delay = environment.getProperty("muejam.database.transient-retry-delay", Duration.class,
				Duration.ofMillis(20));
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(new TransientFailureRetry.WriteTransactions(),
				new TransientFailureRetry(retries, delay));
		advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return advisor;
	}

}
