package com.muejam.core.web;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.coyote.ProtocolHandler;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.stereotype.Component;

/**
 * The threads requests run on: at most {@code server.tomcat.threads.max} platform
 * threads, which the operating system runs as soon as a request's database answer comes
 * back (a virtual thread waited behind every runnable request for each round trip;
 * docs/design.md). A request that arrives while every one of them is busy runs on a
 * virtual thread of its own rather than waiting in a queue: the concurrency limit
 * ({@link ConcurrencyLimitFilter}) then answers it 503 at once if no slot frees up, as it
 * answers every request past the limit, where Tomcat's queue would have kept it, and
 * every connection behind it, waiting.
 */
@Component
class RequestThreads implements TomcatProtocolHandlerCustomizer<ProtocolHandler>, DisposableBean {

	private final ThreadPoolExecutor threads;

	RequestThreads(TomcatServerProperties tomcat) {
		TomcatServerProperties.Threads settings = tomcat.getThreads();
		this.threads = new ThreadPoolExecutor(settings.getMinSpare(), settings.getMax(), 60, TimeUnit.SECONDS,
				new SynchronousQueue<>(), Thread.ofPlatform().name("http-", 1).daemon(true).factory(),
				(request, pool) -> Thread.ofVirtual().name("http-overflow").start(request));
	}

	@Override
	public void customize(ProtocolHandler handler) {
		handler.setExecutor(this.threads);
	}

	/**
	 * Stops the threads once the server has stopped (after its graceful shutdown).
	 */
	@Override
	public void destroy() {
		this.threads.shutdown();
	}

}
