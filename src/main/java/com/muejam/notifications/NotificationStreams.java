package com.muejam.notifications;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.muejam.core.error.ApiException;
import com.muejam.core.error.ErrorCode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The Server-Sent Event streams open on this instance, by user. Bounded: a few streams
 * per user and a cap on all of them; a stream leaves the registry when it completes,
 * times out or fails. Heartbeat comments keep idle connections open through proxies.
 */
@Component
class NotificationStreams implements LiveNotifications, SmartLifecycle {

	static final String EVENT = "notification";

	private static final Logger log = LoggerFactory.getLogger(NotificationStreams.class);

	private static final int PER_USER = 5;

	private static final Duration RECONNECT = Duration.ofSeconds(3);

	private final Map<UUID, Set<SseEmitter>> streams = new ConcurrentHashMap<>();

	private final AtomicInteger open = new AtomicInteger();

	private final int maxStreams;

	private final Duration timeout;

	private volatile boolean running;

	NotificationStreams(@Value("${muejam.notifications.max-streams:10000}") int maxStreams,
			@Value("${muejam.notifications.stream-timeout:30m}") Duration timeout) {
		this.maxStreams = maxStreams;
		this.timeout = timeout;
	}

	/**
	 * Opens a stream for the user. The caps are checked and the stream registered in one
	 * step (the instance-wide count by compare-and-set, the user's set inside the map's
	 * atomic compute), so streams opened at the same moment cannot exceed them.
	 */
	SseEmitter open(UUID userId, List<NotificationView> missed) {
		if (!reservePlace()) {
			throw tooMany();
		}
		SseEmitter emitter = new SseEmitter(this.timeout.toMillis());
		boolean[] added = new boolean[1];
		this.streams.compute(userId, (id, existing) -> {
			Set<SseEmitter> mine = (existing != null) ? existing : new CopyOnWriteArraySet<>();
			if (mine.size() < PER_USER) {
				added[0] = mine.add(emitter);
			}
			return mine.isEmpty() ? null : mine;
		});
		if (!added[0]) {
			this.open.decrementAndGet();
			throw tooMany();
		}
		Runnable remove = () -> this.streams.computeIfPresent(userId, (id, mine) -> {
			if (mine.remove(emitter)) {
				this.open.decrementAndGet();
			}
			return mine.isEmpty() ? null : mine;
		});
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError((error) -> remove.run());
		// an opening comment commits the response headers at once (clients and proxies
		// see the
		// stream open) and tells clients how soon to reconnect
		try {
			emitter.send(SseEmitter.event().reconnectTime(RECONNECT.toMillis()).comment("connected"));
		}
		catch (IOException ex) {
			emitter.completeWithError(ex);
		}
		missed.forEach((notification) -> send(emitter, notification));
		return emitter;
	}

	private boolean reservePlace() {
		int current;
		do {
			current = this.open.get();
			if (current >= this.maxStreams) {
				return false;
			}
		}
		while (!this.open.compareAndSet(current, current + 1));
		return true;
	}

	private static ApiException tooMany() {
		return new ApiException(ErrorCode.RATE_LIMITED, "Too many open notification streams");
	}

	@Override
	public void publish(UUID recipientId, NotificationView notification) {
		this.streams.getOrDefault(recipientId, Set.of()).forEach((emitter) -> send(emitter, notification));
	}

	@Scheduled(fixedDelayString = "${muejam.notifications.heartbeat:15s}")
	void heartbeat() {
		this.streams.values().forEach((emitters) -> emitters.forEach((emitter) -> {
			try {
				emitter.send(SseEmitter.event().comment("keepalive"));
			}
			catch (IOException | IllegalStateException ex) {
				emitter.completeWithError(ex);
			}
		}));
	}

	int openStreams() {
		return this.open.get();
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Ends every open stream before the web server's graceful shutdown waits for
	 * requests, so shutting down is not held up by idle streams; clients reconnect (with
	 * Last-Event-ID) to another instance.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.streams.values().forEach((emitters) -> emitters.forEach(SseEmitter::complete));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private static void send(SseEmitter emitter, NotificationView notification) {
		try {
			emitter.send(SseEmitter.event().id(notification.id().toString()).name(EVENT).data(notification));
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("Dropping a broken notification stream", ex);
			emitter.completeWithError(ex);
		}
	}

}
