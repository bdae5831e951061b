package com.muejam.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Present only in tests: an endpoint whose requests stay in flight until the test lets
 * them go, to fill the server up.
 */
@Hidden
@RestController
public class HeldController {

	private static final AtomicInteger held = new AtomicInteger();

	private static volatile CountDownLatch gate = new CountDownLatch(0);

	private static volatile Thread lastServedOn = Thread.currentThread();

	/** Requests from now on are held until {@link #release()} (15 s at most). */
	public static void hold() {
		gate = new CountDownLatch(1);
	}

	public static void release() {
		gate.countDown();
	}

	/** The thread the last request ran on. */
	public static Thread lastServedOn() {
		return lastServedOn;
	}

	/** Requests being held right now. */
	public static int held() {
		return held.get();
	}

	@GetMapping("/v1/test/held")
	String heldRequest() throws InterruptedException {
		lastServedOn = Thread.currentThread();
		held.incrementAndGet();
		try {
			gate.await(15, TimeUnit.SECONDS);
			return "released";
		}
		finally {
			held.decrementAndGet();
		}
	}

}
