package com.muejam.core.events;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.muejam.core.events.FlakySideEffect.SomethingHappened;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Asynchronous event listeners run a few at a time on pooled threads, whatever the burst:
 * each holds a database connection, and requests need the rest of the pool.
 */
@IntegrationTest
class ListenerThreadsTests {

	@Autowired
	@Qualifier("applicationTaskExecutor")
	TaskExecutor listeners;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	FlakySideEffect sideEffect;

	@Test
	void moduleListenersRunOnTheListenerThreads() {
		this.sideEffect.reset();
		this.sideEffect.fixed();
		this.transactions.executeWithoutResult((tx) -> this.events.publishEvent(new SomethingHappened("routine")));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.sideEffect.completed() == 1);
		assertThat(this.sideEffect.lastThread()).startsWith("listener-");
	}

	@Test
	void aBurstOfListenerCallsRunsFourAtATimeAndTheRestWait() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		Set<String> threads = ConcurrentHashMap.newKeySet();
		for (int i = 0; i < 20; i++) {
			this.listeners.execute(() -> {
				mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
				threads.add(Thread.currentThread().getName());
				try {
					release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				running.decrementAndGet();
				done.incrementAndGet();
			});
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> running.get() == 4);
		Thread.sleep(200);
		assertThat(running.get()).isEqualTo(4);
		release.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> done.get() == 20);
		assertThat(mostAtOnce.get()).isEqualTo(4);
		assertThat(threads).hasSize(4).allMatch((name) -> name.startsWith("listener-"));
	}

}
