package com.muejam.core.config;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every module reads the time from, so tests can move it.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		// microseconds, as PostgreSQL stores them: a time returned on write equals the
		// one read back later
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
	}

}
