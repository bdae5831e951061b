package com.muejam.users;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.muejam.core.redis.ConditionalOnMissingRedis;
import com.muejam.core.redis.ConditionalOnRedis;
import com.muejam.core.redis.RedisChannels;
import com.muejam.core.redis.RedisGuard;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Sign-in changes across instances. With Redis, the users whose sign-in state changed
 * travel on a Redis channel, as their ids separated by commas, and every instance (the
 * sending one included) forgets them. A message lost while Redis is down leaves the other
 * instances on the old state until their memory of it expires
 * ({@code muejam.auth.sign-in-memory.ttl}). Without Redis there is one instance, and
 * nobody to tell.
 */
@Configuration(proxyBeanMethods = false)
class SignInBroadcastConfiguration {

	static final String CHANNEL = "muejam:v1:sign-in-changes";

	private static final Logger log = LoggerFactory.getLogger(SignInBroadcastConfiguration.class);

	@Bean
	@ConditionalOnMissingRedis
	SignInBroadcast localSignInBroadcast() {
		return (users) -> {
		};
	}

	@Bean
	@ConditionalOnRedis
	SignInBroadcast redisSignInBroadcast(StringRedisTemplate redis, RedisGuard guard) {
		return (users) -> {
			String message = users.stream().map(UUID::toString).collect(Collectors.joining(","));
			guard.call("sign-ins.publish", () -> {
				redis.convertAndSend(CHANNEL, message);
				return true;
			}, () -> false);
		};
	}

	@Bean
	@ConditionalOnRedis
	ApplicationListener<ApplicationReadyEvent> signInChangesSubscription(RedisMessageListenerContainer container,
			SignInMemory signIns) {
		MessageListener listener = (Message message, byte @Nullable [] pattern) -> {
			Set<UUID> users = new HashSet<>();
			try {
				for (String id : new String(message.getBody(), StandardCharsets.US_ASCII).split(",")) {
					users.add(UUID.fromString(id));
				}
			}
			catch (IllegalArgumentException ex) {
				// whose state changed is unknown: forget everyone rather than keep it
				log.warn("Unreadable sign-in change, forgetting every remembered sign-in", ex);
				signIns.forgetAll();
				return;
			}
			signIns.forget(users);
		};
		// whatever was remembered before the subscription may have missed a change
		return RedisChannels.subscribeWhenReady(container, CHANNEL, listener, signIns::forgetAll);
	}

}
