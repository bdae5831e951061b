package com.muejam.core.redis;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.data.redis.health.DataRedisHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Shared infrastructure when Redis is configured: the guard (circuit breaker) every Redis
 * call goes through, and the {@code redis} health indicator. The indicator shows in
 * {@code /actuator/health} but is left out of the readiness group: an instance whose
 * Redis is down still serves from the database and stays behind the load balancer.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRedis
class RedisConfiguration {

	@Bean
	RedisGuard redisGuard(MeterRegistry meters) {
		CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(20)
			.minimumNumberOfCalls(5)
			.failureRateThreshold(50)
			.slowCallDurationThreshold(Duration.ofMillis(250))
			.slowCallRateThreshold(80)
			.waitDurationInOpenState(Duration.ofSeconds(5))
			.permittedNumberOfCallsInHalfOpenState(3)
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			.build());
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
		return new RedisGuard(breakers.circuitBreaker("redis"), meters);
	}

	@Bean
	DataRedisHealthIndicator redisHealthIndicator(RedisConnectionFactory connections) {
		return new DataRedisHealthIndicator(connections);
	}

}
