package com.muejam.core.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The in-process rate limiter (unless another, e.g. Redis-backed, is defined) and the
 * limit every API request counts against.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration implements WebMvcConfigurer {

	private final RequestRateLimitInterceptor interceptor;

	RateLimitConfiguration(RequestRateLimitInterceptor interceptor) {
		this.interceptor = interceptor;
	}

	@Bean
	@ConditionalOnMissingBean(RateLimiter.class)
	static RateLimiter localRateLimiter(RateLimitProperties properties) {
		return new LocalRateLimiter(properties, 100_000);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.interceptor).addPathPatterns("/v1/**");
	}

}
