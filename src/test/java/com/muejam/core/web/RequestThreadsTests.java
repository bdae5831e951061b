package com.muejam.core.web;

import com.muejam.support.Api;
import com.muejam.support.HeldController;
import com.muejam.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests run on platform threads. A request that waits on the database is run again by
 * the operating system as soon as its answer comes back; on a virtual thread it waited
 * behind every runnable request for each round trip, so on a busy instance the requests
 * with a transaction of several statements held their rows and pooled connections for
 * hundreds of milliseconds (docs/benchmarks.md, twentieth pass).
 */
@IntegrationTest
class RequestThreadsTests {

	@Autowired
	Api api;

	@Test
	void requestsRunOnPlatformThreads() {
		String token = this.api.token("user_threads");
		assertThat(this.api.get("/v1/test/held").bearer(token).send().status()).isEqualTo(200);
		assertThat(HeldController.lastServedOn().isVirtual()).isFalse();
		assertThat(HeldController.lastServedOn()).isNotSameAs(Thread.currentThread());
	}

}
