package com.muejam.core.events;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads asynchronous event listeners run on: a few pooled ones with a queue
 * ({@code spring.task.execution.pool.*}), whatever {@code spring.threads.virtual.enabled}
 * says: Spring Boot's default under virtual threads starts a thread for every listener
 * call with no bound. Each listener takes a pooled database connection; unbounded, a
 * burst of events (progress saves and shelf adds each published some then) took every
 * connection while requests waited and failed with 503s (docs/benchmarks.md, seventh
 * pass). Discovery counts readers' signals on these threads too, one run at a time. A
 * queued call loses nothing if the instance stops: its publication is stored first and
 * resubmitted ({@code spring.modulith.events.republish-outstanding-events-on-restart}).
 */
@Configuration(proxyBeanMethods = false)
class ListenerThreadsConfiguration {

	@Bean(name = { "applicationTaskExecutor", "taskExecutor" })
	ThreadPoolTaskExecutor applicationTaskExecutor(ThreadPoolTaskExecutorBuilder builder) {
		return builder.build();
	}

}
