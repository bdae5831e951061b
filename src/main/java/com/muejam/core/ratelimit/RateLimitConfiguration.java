package com.muejam.core.ratelimit;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

import com.muejam.core.redis.ConditionalOnMissingRedis;
import com.muejam.core.redis.ConditionalOnRedis;
import com.muejam.core.redis.RedisGuard;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The rate limiter (in-process by default, in Redis when it is configured) and the limit
 * every API request counts against.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration implements WebMvcConfigurer {

	private final RequestRateLimitInterceptor interceptor;

	RateLimitConfiguration(RequestRateLimitInterceptor interceptor) {
		this.interceptor = interceptor;
	}

	@Bean
	@ConditionalOnMissingRedis
	static RateLimiter localRateLimiter(RateLimitProperties properties, MeterRegistry meters) {
		return new LocalRateLimiter(properties, meters, 100_000);
	}

	@Bean
	@ConditionalOnRedis
	static RateLimiter redisRateLimiter(RateLimitProperties properties, MeterRegistry meters,
			@Value("${spring.data.redis.url}") String url,
			@Value("${spring.data.redis.timeout:300ms}") Duration timeout,
			@Value("${spring.data.redis.connect-timeout:300ms}") Duration connectTimeout, RedisGuard guard) {
		return new RedisRateLimiter(properties, meters, url, timeout, connectTimeout, guard);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.interceptor).addPathPatterns("/v1/**");
	}

}
