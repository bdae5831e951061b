package com.muejam.core.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.tomcat.util.threads.ThreadPoolExecutor;
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
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request that arrives while every request thread is busy and Tomcat's queue is full is
 * still answered, 503 in the envelope, at once: here two threads, both held (a busy
 * instance whose threads all serve slow requests), and a queue of one, taken.
 */
@IntegrationTest
@TestPropertySource(properties = { "server.tomcat.threads.max=2", "server.tomcat.threads.min-spare=2",
		"server.tomcat.threads.max-queue-capacity=1", "muejam.web.max-concurrent-requests=2" })
class RequestOverflowTests {

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

	@Test
	void aRequestPastEveryBusyThreadAndAFullQueueIsShedAtOnce() throws Exception {
		String token = this.api.token("user_overflow");
		RawHttp http = new RawHttp(this.port);
		Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
		HeldController.hold();
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<RawHttp.Response>> inFlight = new ArrayList<>();
			// one at a time: the queue of one is also how a request reaches an idle
			// thread
			for (int i = 1; i <= 2; i++) {
				inFlight.add(clients.submit(() -> http.get("/v1/test/held", auth)));
				int held = i;
				await().until(() -> HeldController.held() == held);
			}
			assertThat(requestThreads().getActiveCount()).isEqualTo(2);
			Future<RawHttp.Response> queued = clients.submit(() -> http.get("/v1/stories", Map.of()));
			await().until(() -> requestThreads().getQueue().size() == 1);

			RawHttp.Response shed = http.get("/v1/stories", Map.of());
			assertThat(shed.status()).isEqualTo(503);
			assertThat(shed.isEnvelope()).isTrue();
			assertThat(shed.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
			assertThat(HeldController.held()).as("answered while both threads were still busy").isEqualTo(2);
			assertThat(queued).isNotDone();

			HeldController.release();
			for (Future<RawHttp.Response> request : inFlight) {
				assertThat(request.get().status()).isEqualTo(200);
			}
			assertThat(queued.get().status()).isEqualTo(200);
		}
		assertThat(http.get("/v1/stories", Map.of()).status()).isEqualTo(200);
		// the shed request is counted out of the pool too: Tomcat hands requests to idle
		// threads by that count
		await().until(() -> requestThreads().getSubmittedCount() == 0);
	}

	private ThreadPoolExecutor requestThreads() {
		return (ThreadPoolExecutor) ((TomcatWebServer) this.server.getWebServer()).getTomcat()
			.getConnector()
			.getProtocolHandler()
			.getExecutor();
	}

}
