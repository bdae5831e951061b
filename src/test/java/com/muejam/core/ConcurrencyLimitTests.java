package com.muejam.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.muejam.support.Api;
import com.muejam.support.HeldController;
import com.muejam.support.IntegrationTest;
import com.muejam.support.RawHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance serving its maximum of requests at once sheds the next one with a fast 503
 * in the envelope instead of queueing it without bound; probes still answer, and it
 * serves normally again once the requests in flight finish.
 */
@IntegrationTest
class ConcurrencyLimitTests {

	/** {@code muejam.web.max-concurrent-requests}'s default. */
	private static final int LIMIT = 200;

	@Autowired
	Api api;

	@LocalServerPort
	int port;

	@Autowired
	ServletWebServerApplicationContext server;

	@AfterEach
	void release() {
		HeldController.release();
	}

	/**
	 * Each open connection with a request in flight holds about 75 KB of Tomcat's buffers
	 * and its thread's stack (docs/benchmarks.md, ninth pass). At the bound they must
	 * still fit in a small part of the 512 MB heap the service is measured with, beside
	 * the caches: after a stall of two seconds at 2,000 requests/s, 4,000 of them sent it
	 * into full GCs it never left (thirteenth pass).
	 */
	@Test
	void theConnectionsAnInstanceTakesInFitBesideItsCachesInASmallHeap() {
		AbstractProtocol<?> connector = (AbstractProtocol<?>) ((TomcatWebServer) this.server.getWebServer()).getTomcat()
			.getConnector()
			.getProtocolHandler();
		assertThat(connector.getMaxConnections()).isPositive();
		// at most a sixth of the heap: about 85 MB
		assertThat(connector.getMaxConnections() * 75L * 1024).isLessThanOrEqualTo(512L * 1024 * 1024 / 6);
	}

	@Test
	void requestsPastTheLimitAreShedFastAndTheInstanceRecovers() throws Exception {
		String token = this.api.token("user_held");
		assertThat(this.api.get("/v1/me").bearer(token).send().status()).isEqualTo(200);
		RawHttp http = new RawHttp(this.port);
		Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
		HeldController.hold();
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<RawHttp.Response>> inFlight = new ArrayList<>();
			for (int i = 0; i < LIMIT; i++) {
				inFlight.add(clients.submit(() -> http.get("/v1/test/held", auth)));
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> HeldController.held() == LIMIT);

			RawHttp.Response shed = http.get("/v1/stories", Map.of());
			assertThat(shed.status()).isEqualTo(503);
			assertThat(shed.isEnvelope()).isTrue();
			assertThat(shed.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
			assertThat(shed.header("retry-after")).isEqualTo("1");
			assertThat(shed.header("x-request-id")).isNotBlank();
			assertThat(http.get("/actuator/health/readiness", Map.of()).status()).isEqualTo(200);
			assertThat(http.get("/actuator/prometheus", Map.of()).body()).contains("muejam_requests_shed_total")
				.contains("resilience4j_bulkhead_available_concurrent_calls{name=\"requests\"} 0.0");

			HeldController.release();
			for (Future<RawHttp.Response> request : inFlight) {
				assertThat(request.get().status()).isEqualTo(200);
			}
		}
		assertThat(http.get("/v1/stories", Map.of()).status()).isEqualTo(200);
	}

}
