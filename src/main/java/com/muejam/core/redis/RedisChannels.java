package com.muejam.core.redis;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Subscriptions to Redis channels that survive Redis being down at start-up.
 */
public final class RedisChannels {

	private static final Logger log = LoggerFactory.getLogger(RedisChannels.class);

	private static final Duration RESUBSCRIBE = Duration.ofSeconds(5);

	/**
	 * One subscription at a time: two listeners added at once to a container that has not
	 * subscribed yet can lose one of them (seen with two channels at start-up).
	 */
	private static final ReentrantLock SUBSCRIBING = new ReentrantLock();

	private RedisChannels() {
	}

	/**
	 * Subscribes once the application is up, on Spring Boot's listener container, in the
	 * background. The container starts without subscriptions, which needs no connection,
	 * so an instance starts while Redis is down; subscribing is tried again every
	 * {@link #RESUBSCRIBE} until Redis is back.
	 * @param container the listener container
	 * @param channel the channel
	 * @param listener what receives its messages
	 * @return the listener to declare as a bean
	 */
	public static ApplicationListener<ApplicationReadyEvent> subscribeWhenReady(RedisMessageListenerContainer container,
			String channel, MessageListener listener) {
		return subscribeWhenReady(container, channel, listener, () -> {
		});
	}

	/**
	 * As
	 * {@link #subscribeWhenReady(RedisMessageListenerContainer, String, MessageListener)},
	 * then runs {@code subscribed}: for what the instance may have missed before.
	 * @param container the listener container
	 * @param channel the channel
	 * @param listener what receives its messages
	 * @param subscribed what to run once subscribed
	 * @return the listener to declare as a bean
	 */
	public static ApplicationListener<ApplicationReadyEvent> subscribeWhenReady(RedisMessageListenerContainer container,
			String channel, MessageListener listener, Runnable subscribed) {
		return (ready) -> Thread.ofVirtual()
			.name("subscription-" + channel)
			.start(() -> subscribe(container, channel, listener, subscribed));
	}

	private static void subscribe(RedisMessageListenerContainer container, String channel, MessageListener listener,
			Runnable subscribed) {
		while (container.isRunning()) {
			SUBSCRIBING.lock();
			try {
				container.addMessageListener(listener, ChannelTopic.of(channel));
				log.info("Subscribed to {}", channel);
				subscribed.run();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Cannot subscribe to {} yet, trying again in {} s: {}", channel, RESUBSCRIBE.toSeconds(),
						ex.toString());
			}
			finally {
				SUBSCRIBING.unlock();
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

}
