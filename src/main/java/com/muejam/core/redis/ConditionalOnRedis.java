package com.muejam.core.redis;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when Redis is configured ({@code spring.data.redis.url} is set): the cache,
 * rate limits, live notifications and sign-in changes are then shared by all instances
 * through it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(RedisConfigured.class)
public @interface ConditionalOnRedis {

}
