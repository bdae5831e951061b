package com.muejam.core.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.muejam.support.Api;
import com.muejam.support.HeldController;
import com.muejam.support.IntegrationTest;
import com.muejam.support.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request that arrives while every request thread is busy is still answered 503 at
 * once, not queued behind them: here two threads, both held (a busy instance whose
 * threads all serve slow requests, or wait for a slot).
 */
@IntegrationTest
@TestPropertySource(properties = { "server.tomcat.threads.max=2", "server.tomcat.threads.min-spare=2",
		"muejam.web.max-concurrent-requests=2" })
class RequestOverflowTests {

	@Autowired
	Api api;

	@LocalServerPort
	int port;

	@AfterEach
	void release() {
		HeldController.release();
	}

	@Test
	void aRequestPastEveryBusyThreadIsShedAtOnce() throws Exception {
		String token = this.api.token("user_overflow");
		RawHttp http = new RawHttp(this.port);
		Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
		HeldController.hold();
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<RawHttp.Response>> inFlight = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				inFlight.add(clients.submit(() -> http.get("/v1/test/held", auth)));
			}
			await().until(() -> HeldController.held() == 2);

			RawHttp.Response shed = http.get("/v1/stories", Map.of());
			assertThat(shed.status()).isEqualTo(503);
			assertThat(shed.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
			assertThat(HeldController.held()).as("answered while both threads were still busy").isEqualTo(2);

			HeldController.release();
			for (Future<RawHttp.Response> request : inFlight) {
				assertThat(request.get().status()).isEqualTo(200);
			}
		}
		assertThat(http.get("/v1/stories", Map.of()).status()).isEqualTo(200);
	}

}
