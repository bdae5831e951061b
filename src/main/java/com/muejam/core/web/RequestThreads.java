package com.muejam.core.web;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.coyote.ProtocolHandler;
import org.apache.tomcat.util.threads.TaskQueue;
import org.apache.tomcat.util.threads.TaskThreadFactory;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.stereotype.Component;

/**
 * The threads requests run on: Tomcat's own pool of {@code server.tomcat.threads.max}
 * platform threads and its queue, bounded at
 * {@code server.tomcat.threads.max-queue-capacity} requests. A request that finds every
 * thread busy and the queue full runs on a virtual thread of its own: the concurrency
 * limit ({@link ConcurrencyLimitFilter}) then answers it 503 with the error envelope at
 * once, as it answers every request past the limit. Tomcat's own pool would have closed
 * its connection without an answer.
 *
 * <p>
 * Requests run on platform threads because the operating system runs one again as soon as
 * its database answer comes back, where a virtual thread waited behind every runnable
 * request for each round trip (docs/design.md). The pool is Tomcat's own (it hands a
 * request to an idle thread through its queue): a pool without a queue, tried first,
 * halved the throughput of cached reads (docs/benchmarks.md, twentieth pass).
 */
@Component
class RequestThreads implements TomcatProtocolHandlerCustomizer<ProtocolHandler>, DisposableBean {

	private final Pool pool;

	RequestThreads(TomcatServerProperties tomcat) {
		TomcatServerProperties.Threads threads = tomcat.getThreads();
		this.pool = new Pool(threads.getMinSpare(), threads.getMax(), threads.getMaxQueueCapacity());
	}

	@Override
	public void customize(ProtocolHandler handler) {
		handler.setExecutor(this.pool);
	}

	/**
	 * Stops the threads once the server has stopped (after its graceful shutdown).
	 */
	@Override
	public void destroy() {
		this.pool.shutdown();
	}

	/**
	 * Tomcat's pool, whose requests past a full queue run on a virtual thread each.
	 */
	static final class Pool extends ThreadPoolExecutor {

		Pool(int minSpare, int max, int queueCapacity) {
			super(minSpare, max, 60, TimeUnit.SECONDS, new TaskQueue(queueCapacity),
					new TaskThreadFactory("http-exec-", true, Thread.NORM_PRIORITY));
			((TaskQueue) getQueue()).setParent(this);
			setRejectedExecutionHandler((request, pool) -> overflow(request));
		}

		private void overflow(Runnable request) {
			if (isShutdown()) {
				throw new RejectedExecutionException("Request threads are shut down");
			}
			Thread.ofVirtual().name("http-overflow").start(() -> {
				try {
					request.run();
				}
				finally {
					// the pool counts a request from its submission to the end of its run
					// (to hand requests to idle threads), on any thread
					afterExecute(request, null);
				}
			});
		}

	}

}
