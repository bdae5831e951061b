package com.muejam.notifications;

import java.time.Duration;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import com.muejam.core.redis.ConditionalOnRedis;
import com.muejam.core.redis.RedisGuard;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Live notifications across instances: a new notification is published on a Redis
 * channel, and every instance (the publishing one included) delivers it to the
 * recipient's streams it holds. When Redis fails, the notification is delivered to this
 * instance's streams only; a client connected elsewhere still gets it on its next
 * reconnect, which replays from {@code Last-Event-ID}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRedis
class LiveNotificationsConfiguration {

	static final String CHANNEL = "muejam:v1:notifications";

	private static final Logger log = LoggerFactory.getLogger(LiveNotificationsConfiguration.class);

	private static final Duration RESUBSCRIBE = Duration.ofSeconds(5);

	@Bean
	@Primary
	LiveNotifications redisPublishedNotifications(StringRedisTemplate redis, JsonMapper json,
			NotificationStreams streams, RedisGuard guard) {
		return (recipientId, notification) -> {
			String message = json.writeValueAsString(new LiveMessage(recipientId, notification));
			boolean sent = guard.call("notifications.publish", () -> {
				redis.convertAndSend(CHANNEL, message);
				return true;
			}, () -> false);
			if (!sent) {
				streams.publish(recipientId, notification);
			}
		};
	}

	/**
	 * Subscribes once the application is up, on Spring Boot's listener container, in the
	 * background. The container starts without subscriptions, which needs no connection,
	 * so an instance starts while Redis is down; subscribing is tried again every
	 * {@link #RESUBSCRIBE} until Redis is back.
	 */
	@Bean
	ApplicationListener<ApplicationReadyEvent> notificationSubscription(RedisMessageListenerContainer container,
			JsonMapper json, NotificationStreams streams) {
		MessageListener listener = (Message message, byte @Nullable [] pattern) -> {
			try {
				LiveMessage live = json.readValue(message.getBody(), LiveMessage.class);
				streams.publish(live.recipientId(), live.notification());
			}
			catch (RuntimeException ex) {
				log.warn("Ignoring an unreadable live notification", ex);
			}
		};
		return (ready) -> Thread.ofVirtual()
			.name("notification-subscription")
			.start(() -> subscribe(container, listener));
	}

	private static void subscribe(RedisMessageListenerContainer container, MessageListener listener) {
		while (container.isRunning()) {
			try {
				container.addMessageListener(listener, ChannelTopic.of(CHANNEL));
				log.info("Subscribed to live notifications on {}", CHANNEL);
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Cannot subscribe to live notifications yet, trying again in {} s: {}",
						RESUBSCRIBE.toSeconds(), ex.toString());
			}
			try {
				Thread.sleep(RESUBSCRIBE);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * What travels on the channel.
	 *
	 * @param recipientId who it is for
	 * @param notification the notification
	 */
	record LiveMessage(UUID recipientId, NotificationView notification) {
	}

}
