package com.muejam.core.idempotency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.muejam.support.Api;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class IdempotencyKeyTests {

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdempotencyKeyExpiry expiry;

	@Autowired
	FlakyCreateController flaky;

	@Test
	void retryWithTheSameKeyReplaysTheFirstResponseAndCreatesOnce() {
		Api.Reply first = whisper("user_alice", "key-1", "Hello once");
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.header("Idempotent-Replayed")).isNull();
		Api.Reply retry = whisper("user_alice", "key-1", "Hello once");
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.json()).isEqualTo(first.json());
		assertThat(retry.header("Location")).isNotNull().isEqualTo(first.header("Location"));
		assertThat(whisperCount()).isEqualTo(1);
	}

	@Test
	void keysAreScopedPerUser() {
		assertThat(whisper("user_alice", "shared", "Hello").status()).isEqualTo(201);
		Api.Reply bob = whisper("user_bob", "shared", "Hello");
		assertThat(bob.status()).isEqualTo(201);
		assertThat(bob.header("Idempotent-Replayed")).isNull();
		assertThat(whisperCount()).isEqualTo(2);
	}

	@Test
	void sameKeyWithAnotherBodyOrPathIsRefused() {
		assertThat(whisper("user_alice", "key-2", "First body").status()).isEqualTo(201);
		Api.Reply other = whisper("user_alice", "key-2", "Another body");
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(other.json().path("request_id").asString()).isNotEmpty();
		Api.Reply otherPath = this.api.post("/v1/library/shelves")
			.as("user_alice")
			.header("Idempotency-Key", "key-2")
			.json(Map.of("name", "Favourites"))
			.send();
		assertThat(otherPath.status()).isEqualTo(422);
		assertThat(whisperCount()).isEqualTo(1);
	}

	@Test
	void concurrentDuplicatesCreateOnce() throws Exception {
		int threads = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<Api.Reply>> calls = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			calls.add(() -> {
				start.await();
				return whisper("user_alice", "race", "Only one of me");
			});
		}
		List<Api.Reply> replies = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			List<Future<Api.Reply>> futures = calls.stream().map(pool::submit).toList();
			start.countDown();
			for (Future<Api.Reply> future : futures) {
				replies.add(future.get());
			}
		}
		assertThat(replies).extracting(Api.Reply::status).containsAnyOf(201).allMatch((s) -> s == 201 || s == 409);
		replies.stream()
			.filter((reply) -> reply.status() == 409)
			.forEach((reply) -> assertThat(reply.errorCode()).isEqualTo("IDEMPOTENCY_KEY_IN_USE"));
		assertThat(replies.stream().filter((reply) -> reply.status() == 201).map((reply) -> reply.json().path("id")))
			.hasSizeGreaterThan(0)
			.allMatch((id) -> id.equals(replies.stream()
				.filter((reply) -> reply.status() == 201)
				.findFirst()
				.orElseThrow()
				.json()
				.path("id")));
		assertThat(whisperCount()).isEqualTo(1);
	}

	@Test
	void deterministicClientErrorsAreReplayed() {
		Api.Reply invalid = whisper("user_alice", "key-3", "x".repeat(281));
		assertThat(invalid.status()).isEqualTo(400);
		Api.Reply again = whisper("user_alice", "key-3", "x".repeat(281));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.json().path("error")).isEqualTo(invalid.json().path("error"));
	}

	@Test
	void serverErrorsAreNotStoredSoARetryCanSucceed() {
		this.flaky.calls.set(0);
		Api.Reply failed = this.api.post("/v1/test/flaky-create")
			.as("user_alice")
			.header("Idempotency-Key", "key-4")
			.send();
		assertThat(failed.status()).isEqualTo(500);
		Api.Reply retry = this.api.post("/v1/test/flaky-create")
			.as("user_alice")
			.header("Idempotency-Key", "key-4")
			.send();
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.header("Idempotent-Replayed")).isNull();
		assertThat(retry.json().path("call").asInt()).isEqualTo(2);
		assertThat(this.flaky.calls.get()).isEqualTo(2);
	}

	@Test
	void rejectsMalformedKeys() {
		Api.Reply empty = whisper("user_alice", "", "Hello");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.json().path("error").path("details").has("Idempotency-Key")).isTrue();
		assertThat(whisper("user_alice", "k".repeat(256), "Hello").status()).isEqualTo(400);
		assertThat(whisper("user_alice", "tab\there", "Hello").status()).isEqualTo(400);
		assertThat(whisperCount()).isZero();
	}

	@Test
	void expiredKeysAreDeletedByTheJobAndNoLongerReplayed() {
		assertThat(whisper("user_alice", "old", "First").status()).isEqualTo(201);
		assertThat(whisper("user_alice", "fresh", "Second").status()).isEqualTo(201);
		this.jdbc.sql("update idempotency_keys set expires_at = ? where idempotency_key = 'old'")
			.param(java.sql.Timestamp.from(Instant.now().minusSeconds(60)))
			.update();
		this.expiry.deleteExpired();
		assertThat(this.jdbc.sql("select idempotency_key from idempotency_keys").query(String.class).list())
			.containsExactly("fresh");
		Api.Reply reused = whisper("user_alice", "old", "Third");
		assertThat(reused.status()).isEqualTo(201);
		assertThat(reused.header("Idempotent-Replayed")).isNull();
		assertThat(whisperCount()).isEqualTo(3);
	}

	private Api.Reply whisper(String user, String key, String content) {
		return this.api.post("/v1/whispers")
			.as(user)
			.header("Idempotency-Key", key)
			.json(Map.of("content", content))
			.send();
	}

	private long whisperCount() {
		return this.jdbc.sql("select count(*) from whispers").query(Long.class).single();
	}

}
