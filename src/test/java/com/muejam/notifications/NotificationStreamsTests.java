package com.muejam.notifications;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.muejam.core.error.ApiException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-user and per-instance caps hold when streams are opened at the same moment.
 */
class NotificationStreamsTests {

	@Test
	void parallelOpensNeverExceedFivePerUser() throws Exception {
		NotificationStreams streams = new NotificationStreams(10_000, Duration.ofMinutes(1));
		for (int round = 0; round < 500; round++) {
			UUID user = UUID.randomUUID();
			assertThat(openInParallel(streams, user, 12)).as("round %d", round).isEqualTo(5);
		}
		assertThat(streams.openStreams()).isEqualTo(5 * 500);
	}

	@Test
	void parallelOpensNeverExceedTheInstanceCap() throws Exception {
		NotificationStreams streams = new NotificationStreams(3, Duration.ofMinutes(1));
		assertThat(openInParallel(streams, null, 12)).isEqualTo(3);
		assertThat(streams.openStreams()).isEqualTo(3);
	}

	/**
	 * Opens streams from many threads released at once (each for {@code user}, or for a
	 * user of its own when {@code null}); answers how many opened.
	 */
	private static int openInParallel(NotificationStreams streams, UUID user, int threads) throws Exception {
		CyclicBarrier barrier = new CyclicBarrier(threads);
		try (var executor = Executors.newFixedThreadPool(threads)) {
			List<Future<Boolean>> outcomes = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				outcomes.add(executor.submit(() -> {
					UUID who = (user != null) ? user : UUID.randomUUID();
					barrier.await();
					try {
						streams.open(who, List.of());
						return true;
					}
					catch (ApiException ex) {
						return false;
					}
				}));
			}
			int opened = 0;
			for (Future<Boolean> outcome : outcomes) {
				opened += outcome.get() ? 1 : 0;
			}
			return opened;
		}
	}

}
