package com.muejam.core.events;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Present only in tests: a side effect that fails until told otherwise, on an event that
 * only tests publish. (The bean is a proxy, so its state is read through methods.)
 */
@Component
class FlakySideEffect {

	private final AtomicBoolean failing = new AtomicBoolean(true);

	private final AtomicInteger attempts = new AtomicInteger();

	private final AtomicInteger completed = new AtomicInteger();

	private final AtomicReference<String> lastThread = new AtomicReference<>("");

	@ApplicationModuleListener
	void on(SomethingHappened event) {
		this.attempts.incrementAndGet();
		this.lastThread.set(Thread.currentThread().getName());
		if (this.failing.get()) {
			throw new IllegalStateException("side effect failed for " + event.what());
		}
		this.completed.incrementAndGet();
	}

	void reset() {
		this.failing.set(true);
		this.attempts.set(0);
		this.completed.set(0);
	}

	void fixed() {
		this.failing.set(false);
	}

	int attempts() {
		return this.attempts.get();
	}

	int completed() {
		return this.completed.get();
	}

	String lastThread() {
		return this.lastThread.get();
	}

	/**
	 * An event only tests publish.
	 *
	 * @param what a label
	 */
	record SomethingHappened(String what) {

	}

}
