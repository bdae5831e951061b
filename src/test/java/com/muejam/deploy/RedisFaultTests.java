package com.muejam.deploy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import com.muejam.MueJamApplication;
import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.TestRedis;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis killed under load, on a real Redis server (the bundled binary of
 * {@code embedded-redis}, as {@link MultiInstanceTests} starts it): readers and writers
 * keep going and not one request fails.
 */
class RedisFaultTests {

	private static RedisServer redis;

	private static ConfigurableApplicationContext app;

	private static Api api;

	@BeforeAll
	static void start() throws IOException {
		TestRedis started = TestRedis.start();
		redis = started.server();
		int port = started.port();
		app = new SpringApplicationBuilder(MueJamApplication.class).profiles("test")
			.run("--server.port=0", "--spring.data.redis.url=redis://127.0.0.1:" + port,
					"--muejam.rate-limits.enabled=false", "--muejam.data-dir=target/redis-fault-data");
		api = Api.of(app);
	}

	@AfterAll
	static void stop() throws IOException {
		if (app != null) {
			app.close();
		}
		if (redis != null && redis.isActive()) {
			redis.stop();
		}
	}

	@Test
	void killingRedisUnderLoadFailsNoRequest() throws Exception {
		String story = new Fixtures(api).publishedStory("user_author", "Read Under Load", List.of("Fantasy"));
		Queue<String> failures = new ConcurrentLinkedQueue<>();
		AtomicBoolean running = new AtomicBoolean(true);
		int served = 0;
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				String reader = "user_reader" + i;
				String writer = "user_writer" + i;
				results.add(pool
					.submit(() -> load(running, failures, () -> api.get("/v1/stories/" + story).as(reader).send())));
				results.add(pool.submit(() -> load(running, failures,
						() -> api.post("/v1/whispers").as(writer).json(Map.of("content", "still writing")).send())));
			}
			// a signed-out search, whose first page goes through the shared cache
			results.add(pool.submit(() -> load(running, failures, () -> api.get("/v1/search?q=load").send())));
			Thread.sleep(800);
			redis.stop();
			Thread.sleep(1500);
			running.set(false);
			for (Future<Integer> result : results) {
				served += result.get();
			}
		}
		assertThat(failures).isEmpty();
		assertThat(served).isPositive();
		assertThat(redis.isActive()).isFalse();
	}

	private static int load(AtomicBoolean running, Queue<String> failures,
			java.util.function.Supplier<Api.Reply> call) {
		int served = 0;
		while (running.get()) {
			Api.Reply reply = call.get();
			if (reply.status() / 100 == 2) {
				served++;
			}
			else {
				failures.add(reply.toString());
			}
		}
		return served;
	}

}
