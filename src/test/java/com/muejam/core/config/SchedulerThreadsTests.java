package com.muejam.core.config;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code @Scheduled} jobs run on platform threads (requests do, so the scheduler is
 * no longer Spring Boot's virtual-thread one), several at once: a long job does not hold
 * up the email outbox's second-by-second run or the live streams' heartbeat. Read from
 * the application's own configuration.
 */
class SchedulerThreadsTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withConfiguration(AutoConfigurations.of(TaskSchedulingAutoConfiguration.class))
		.withUserConfiguration(Scheduling.class);

	@Test
	void aLongJobDoesNotHoldUpTheOthers() {
		this.context.run((context) -> {
			TaskScheduler scheduler = context.getBean(TaskScheduler.class);
			CountDownLatch longJobRuns = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			CountDownLatch otherJobRan = new CountDownLatch(1);
			scheduler.schedule(() -> {
				longJobRuns.countDown();
				await(release);
			}, scheduler.getClock().instant());
			try {
				assertThat(longJobRuns.await(5, TimeUnit.SECONDS)).isTrue();
				scheduler.scheduleWithFixedDelay(otherJobRan::countDown, Duration.ofMillis(10));
				assertThat(otherJobRan.await(5, TimeUnit.SECONDS)).isTrue();
			}
			finally {
				release.countDown();
			}
		});
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class Scheduling {

	}

}
