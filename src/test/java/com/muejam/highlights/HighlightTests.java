package com.muejam.highlights;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class HighlightTests {

	private static final String TEXT = "The sea was calm. The keeper lit the lamp. The sea was calm again.";

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@Test
	void createsListsAndDeletesHighlightsWithTheirText() {
		String chapter = this.fixtures.publishedChapter("user_author", "Lamp", TEXT).chapterId();
		Api.Reply created = highlight("user_reader", chapter, 18, 42);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("text").asString()).isEqualTo("The keeper lit the lamp.");
		assertThat(created.json().path("orphaned").asBoolean()).isFalse();
		JsonNode list = this.api.get("/v1/chapters/" + chapter + "/highlights")
			.as("user_reader")
			.send()
			.json()
			.path("data");
		assertThat(list.size()).isEqualTo(1);
		assertThat(list.get(0).path("start_offset").asInt()).isEqualTo(18);
		assertThat(this.api.get("/v1/chapters/" + chapter + "/highlights")
			.as("user_other")
			.send()
			.json()
			.path("data")
			.size()).isZero();
		String id = created.json().path("id").asString();
		assertThat(this.api.delete("/v1/highlights/" + id).as("user_other").send().status()).isEqualTo(404);
		assertThat(this.api.delete("/v1/highlights/" + id).as("user_reader").send().status()).isEqualTo(204);
	}

	@Test
	void rejectsOffsetsOutsideTheRuleWithDetails() {
		String chapter = this.fixtures.publishedChapter("user_author", "Rules", TEXT).chapterId();
		assertThat(details(highlight("user_reader", chapter, 5, 5))).containsKey("end_offset");
		assertThat(details(highlight("user_reader", chapter, 9, 3))).containsKey("end_offset");
		assertThat(details(highlight("user_reader", chapter, 0, TEXT.length() + 1))).containsKey("end_offset");
		assertThat(details(highlight("user_reader", chapter, -1, 3))).containsKey("start_offset");
		assertThat(highlight("user_reader", chapter, 0, TEXT.length()).status()).isEqualTo(201);
		assertThat(this.api.post("/v1/chapters/" + chapter + "/highlights")
			.as("user_reader")
			.json(Map.of("start_offset", 1))
			.send()
			.status()).isEqualTo(400);
		assertThat(this.api.post("/v1/chapters/" + chapter + "/highlights")
			.json(Map.of("start_offset", 1, "end_offset", 2))
			.send()
			.status()).isEqualTo(401);
	}

	@Test
	void refusesOffsetsThatSplitACharacter() {
		String chapter = this.fixtures.publishedChapter("user_author", "Emoji", "a\uD83D\uDE00b").chapterId();
		assertThat(highlight("user_reader", chapter, 0, 2).status()).isEqualTo(400);
		assertThat(highlight("user_reader", chapter, 1, 3).json().path("text").asString()).isEqualTo("\uD83D\uDE00");
	}

	@Test
	void unreadableChaptersAreNotFound() {
		Fixtures.Published published = this.fixtures.publishedChapter("user_author", "Gone", TEXT);
		String draft = this.fixtures.chapter("user_author", published.storyId(), "Draft", TEXT);
		assertThat(highlight("user_reader", draft, 0, 3).status()).isEqualTo(404);
		assertThat(highlight("user_reader", "00000000-0000-0000-0000-00000000000a", 0, 3).status()).isEqualTo(404);
		this.api.delete("/v1/chapters/" + published.chapterId()).as("user_author").send();
		assertThat(
				this.api.get("/v1/chapters/" + published.chapterId() + "/highlights").as("user_reader").send().status())
			.isEqualTo(404);
	}

	@Test
	void highlightsFollowTheirWordsThroughEditsOrBecomeOrphaned() {
		String chapter = this.fixtures.publishedChapter("user_author", "Edited", TEXT).chapterId();
		// the second "The sea was calm" (after the keeper), told apart from the first by
		// its context
		String second = highlight("user_reader", chapter, 43, 59).json().path("id").asString();
		String keeper = highlight("user_reader", chapter, 18, 42).json().path("id").asString();
		String edited = "Prologue. " + TEXT.replace("The keeper lit the lamp.", "The keeper slept.");
		this.api.put("/v1/chapters/" + chapter).as("user_author").json(Map.of("content", edited)).send();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode list = this.api.get("/v1/chapters/" + chapter + "/highlights")
				.as("user_reader")
				.send()
				.json()
				.path("data");
			JsonNode moved = find(list, second);
			assertThat(moved.path("orphaned").asBoolean()).isFalse();
			assertThat(moved.path("start_offset").asInt()).isEqualTo(edited.lastIndexOf("The sea was calm"));
			assertThat(edited.substring(moved.path("start_offset").asInt(), moved.path("end_offset").asInt()))
				.isEqualTo("The sea was calm");
			JsonNode gone = find(list, keeper);
			assertThat(gone.path("orphaned").asBoolean()).isTrue();
			assertThat(gone.path("text").asString()).isEqualTo("The keeper lit the lamp.");
		});
	}

	@Test
	void refusesQuotesLongerThan4000Characters() {
		String chapter = this.fixtures.publishedChapter("user_author", "Long", "word ".repeat(1000)).chapterId();
		Api.Reply tooLong = highlight("user_reader", chapter, 0, 4001);
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.errorCode()).isEqualTo("VALIDATION_FAILED");
		assertThat(details(tooLong)).containsKey("end_offset");
		assertThat(highlight("user_reader", chapter, 0, 4000).status()).isEqualTo(201);
	}

	@Test
	void refusesTheHighlightPastTheReadersQuotaForAChapter() {
		String chapter = this.fixtures.publishedChapter("user_author", "Quota", TEXT).chapterId();
		String last = null;
		for (int i = 0; i < 200; i++) {
			Api.Reply created = highlight("user_reader", chapter, 4, 7);
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			last = created.json().path("id").asString();
		}
		Api.Reply refused = highlight("user_reader", chapter, 4, 7);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.errorCode()).isEqualTo("QUOTA_EXCEEDED");
		JsonNode details = refused.json().path("error").path("details");
		assertThat(details.path("quota").asString()).isEqualTo("highlights_per_chapter");
		assertThat(details.path("limit").asInt()).isEqualTo(200);
		assertThat(refused.json().path("request_id").asString()).isNotBlank();
		// the quota is per reader and chapter, and freed by deleting
		assertThat(highlight("user_other", chapter, 4, 7).status()).isEqualTo(201);
		assertThat(this.api.delete("/v1/highlights/" + last).as("user_reader").send().status()).isEqualTo(204);
		assertThat(highlight("user_reader", chapter, 4, 7).status()).isEqualTo(201);
	}

	private Api.Reply highlight(String user, String chapter, int start, int end) {
		return this.api.post("/v1/chapters/" + chapter + "/highlights")
			.as(user)
			.json(Map.of("start_offset", start, "end_offset", end))
			.send();
	}

	private static Map<String, Object> details(Api.Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
		Map<String, Object> details = new java.util.HashMap<>();
		reply.json().path("error").path("details").properties().forEach((e) -> details.put(e.getKey(), e.getValue()));
		return details;
	}

	private static JsonNode find(JsonNode list, String id) {
		for (JsonNode item : list) {
			if (item.path("id").asString().equals(id)) {
				return item;
			}
		}
		throw new AssertionError("no highlight " + id);
	}

}
