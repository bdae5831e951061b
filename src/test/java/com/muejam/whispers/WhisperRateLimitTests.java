package com.muejam.whispers;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.muejam.support.Api;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Seed property 12 for whispers and replies, with the windows shortened so that the test
 * can see the limit lift again.
 */
@IntegrationTest
@TestPropertySource(properties = { "muejam.rate-limits.policies.whispers.capacity=3",
		"muejam.rate-limits.policies.whispers.period=3s", "muejam.rate-limits.policies.replies.capacity=2",
		"muejam.rate-limits.policies.replies.period=3s" })
class WhisperRateLimitTests {

	@Autowired
	Api api;

	@Test
	void whispersOverTheLimitAre429UntilTheWindowRefills() {
		String token = this.api.token("user_chatty");
		for (int i = 0; i < 3; i++) {
			assertThat(post(token, "Whisper " + i).status()).isEqualTo(201);
		}
		Api.Reply limited = post(token, "One too many");
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.errorCode()).isEqualTo("RATE_LIMITED");
		assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 3);
		assertThat(limited.header("RateLimit-Policy")).isEqualTo("\"whispers\";q=3;w=3");
		assertThat(post(this.api.token("user_quiet"), "Someone else").status()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> post(token, "After the window").status() == 201);
	}

	@Test
	void repliesHaveTheirOwnLimit() {
		String root = post(this.api.token("user_root"), "Root").json().path("id").asString();
		String token = this.api.token("user_replier");
		for (int i = 0; i < 2; i++) {
			assertThat(reply(token, root).status()).isEqualTo(201);
		}
		assertThat(reply(token, root).status()).isEqualTo(429);
		assertThat(post(token, "Whispers are counted separately").status()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> reply(token, root).status() == 201);
	}

	private Api.Reply post(String token, String content) {
		return this.api.post("/v1/whispers").bearer(token).json(Map.of("content", content)).send();
	}

	private Api.Reply reply(String token, String root) {
		return this.api.post("/v1/whispers/" + root + "/replies").bearer(token).json(Map.of("content", "Reply")).send();
	}

}
