package com.muejam.notifications;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import com.muejam.core.redis.ConditionalOnRedis;
import com.muejam.core.redis.RedisChannels;
import com.muejam.core.redis.RedisGuard;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
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
	 * Delivers what any instance published to the streams this one holds.
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
		return RedisChannels.subscribeWhenReady(container, CHANNEL, listener);
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
