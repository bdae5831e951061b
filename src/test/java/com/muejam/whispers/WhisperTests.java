package com.muejam.whispers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;
import com.muejam.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@ExtendWith(PublishedEventsExtension.class)
class WhisperTests {

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	StatementCounter statements;

	@Test
	void postsGlobalWhispersAndListsThemNewestFirst() {
		Api.Reply created = whisper("user_alice", Map.of("content", "  Hello, readers!  "));
		assertThat(created.status()).isEqualTo(201);
		JsonNode whisper = created.json();
		assertThat(whisper.path("content").asString()).isEqualTo("Hello, readers!");
		assertThat(whisper.path("scope").asString()).isEqualTo("GLOBAL");
		assertThat(whisper.path("author").path("handle").asString()).startsWith("user_alice");
		assertThat(whisper.path("like_count").asInt()).isZero();
		assertThat(whisper.path("liked_by_me").asBoolean()).isFalse();
		whisper("user_bob", Map.of("content", "Second"));
		assertThat(contents(this.api.get("/v1/whispers?scope=GLOBAL").send())).containsExactly("Second",
				"Hello, readers!");
		assertThat(contents(this.api.get("/v1/whispers").send())).containsExactly("Second", "Hello, readers!");
	}

	@Test
	void contentIsCountedInUserPerceivedCharacters() {
		String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
		assertThat(whisper("user_alice", Map.of("content", family.repeat(280))).status()).isEqualTo(201);
		Api.Reply tooLong = whisper("user_alice", Map.of("content", "x".repeat(281)));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().path("error").path("details").has("content")).isTrue();
		assertThat(whisper("user_alice", Map.of("content", "   ")).status()).isEqualTo(400);
		assertThat(whisper("user_alice", Map.of("scope", "GLOBAL")).status()).isEqualTo(400);
	}

	@Test
	void scopesNeedTheRightTargets() {
		String story = this.fixtures.publishedStory("user_writer", "Whispered About", List.of());
		Api.Reply storyWhisper = whisper("user_alice",
				Map.of("content", "Loved it", "scope", "story", "story_id", story));
		assertThat(storyWhisper.status()).isEqualTo(201);
		assertThat(storyWhisper.json().path("story_id").asString()).isEqualTo(story);
		assertThat(details(whisper("user_alice", Map.of("content", "x", "scope", "STORY")))).contains("story_id");
		assertThat(details(whisper("user_alice", Map.of("content", "x", "scope", "GLOBAL", "story_id", story))))
			.contains("scope");
		assertThat(details(whisper("user_alice", Map.of("content", "x", "scope", "sideways")))).contains("scope");
		assertThat(details(whisper("user_alice", Map.of("content", "x", "scope", "HIGHLIGHT"))))
			.contains("highlight_id");
		String draft = this.api.post("/v1/stories")
			.as("user_writer")
			.json(Map.of("title", "Draft"))
			.send()
			.json()
			.path("id")
			.asString();
		assertThat(details(whisper("user_alice", Map.of("content", "x", "scope", "STORY", "story_id", draft))))
			.contains("story_id");
		assertThat(details(whisper("user_alice", Map.of("content", "x", "media_key", "uploads/whisper_media/x.png"))))
			.contains("media_key");
		JsonNode feed = this.api.get("/v1/whispers?scope=story&story_id=" + story).send().json().path("data");
		assertThat(feed.size()).isEqualTo(1);
		assertThat(this.api.get("/v1/whispers?scope=story").send().status()).isEqualTo(400);
	}

	@Test
	void highlightWhispersLinkToTheCallersPassage() {
		Fixtures.Published published = this.fixtures.publishedChapter("user_writer", "Passages",
				"A line worth quoting.");
		String highlight = this.api.post("/v1/chapters/" + published.chapterId() + "/highlights")
			.as("user_alice")
			.json(Map.of("start_offset", 0, "end_offset", 6))
			.send()
			.json()
			.path("id")
			.asString();
		Api.Reply created = whisper("user_alice",
				Map.of("content", "This!", "scope", "highlight", "highlight_id", highlight));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("highlight_id").asString()).isEqualTo(highlight);
		assertThat(created.json().path("story_id").asString()).isEqualTo(published.storyId());
		assertThat(details(
				whisper("user_bob", Map.of("content", "Mine?", "scope", "HIGHLIGHT", "highlight_id", highlight))))
			.contains("highlight_id");
		assertThat(this.api.get("/v1/whispers?scope=highlight&highlight_id=" + highlight)
			.send()
			.json()
			.path("data")
			.size()).isEqualTo(1);
	}

	@Test
	void repliesFormOneLevelThreadsOldestFirst(PublishedEvents events) {
		String root = whisper("user_alice", Map.of("content", "Root")).json().path("id").asString();
		JsonNode first = reply("user_bob", root, "First reply").json();
		assertThat(first.path("parent_id").asString()).isEqualTo(root);
		JsonNode nested = reply("user_carol", first.path("id").asString(), "Reply to a reply").json();
		assertThat(nested.path("parent_id").asString()).isEqualTo(root);
		assertThat(contents(this.api.get("/v1/whispers/" + root + "/replies").send())).containsExactly("First reply",
				"Reply to a reply");
		assertThat(this.api.get("/v1/whispers/" + root).send().json().path("reply_count").asInt()).isEqualTo(2);
		assertThat(contents(this.api.get("/v1/whispers").send())).containsExactly("Root");
		assertThat(events.ofType(WhisperReplied.class)).hasSize(2);
		assertThat(events.ofType(WhisperReplied.class)
			.matching((e) -> e.parentAuthorId().toString().equals(this.fixtures.me("user_bob").path("id").asString())))
			.hasSize(1);
	}

	@Test
	void deletingARootHidesItsThread() {
		String root = whisper("user_alice", Map.of("content", "Going away")).json().path("id").asString();
		String kept = reply("user_bob", root, "Gone with the root").json().path("id").asString();
		assertThat(this.api.delete("/v1/whispers/" + root).as("user_bob").send().status()).isEqualTo(403);
		assertThat(this.api.delete("/v1/whispers/" + root).as("user_alice").send().status()).isEqualTo(204);
		assertThat(this.api.get("/v1/whispers/" + root).send().status()).isEqualTo(404);
		assertThat(contents(this.api.get("/v1/whispers").send())).isEmpty();
		assertThat(this.api.get("/v1/whispers/" + root + "/replies").send().status()).isEqualTo(404);
		assertThat(this.api.delete("/v1/whispers/" + root).as("user_alice").send().status()).isEqualTo(404);
		assertThat(reply("user_bob", root, "Too late").status()).isEqualTo(404);
		assertThat(this.api.get("/v1/whispers/" + kept + "/replies").send().status()).isEqualTo(404);
	}

	@Test
	void likesAreIdempotentBothWays(PublishedEvents events) {
		String id = whisper("user_alice", Map.of("content", "Like me")).json().path("id").asString();
		Api.Reply liked = this.api.post("/v1/whispers/" + id + "/like").as("user_bob").send();
		assertThat(liked.json().path("liked").asBoolean()).isTrue();
		assertThat(liked.json().path("like_count").asInt()).isEqualTo(1);
		assertThat(
				this.api.post("/v1/whispers/" + id + "/like").as("user_bob").send().json().path("like_count").asInt())
			.isEqualTo(1);
		assertThat(this.api.get("/v1/whispers/" + id).as("user_bob").send().json().path("liked_by_me").asBoolean())
			.isTrue();
		assertThat(this.api.get("/v1/whispers/" + id).as("user_carol").send().json().path("liked_by_me").asBoolean())
			.isFalse();
		assertThat(events.ofType(WhisperLiked.class)).hasSize(1);
		assertThat(
				this.api.delete("/v1/whispers/" + id + "/like").as("user_bob").send().json().path("like_count").asInt())
			.isZero();
		assertThat(
				this.api.delete("/v1/whispers/" + id + "/like").as("user_bob").send().json().path("like_count").asInt())
			.isZero();
		assertThat(
				this.api.post("/v1/whispers/00000000-0000-0000-0000-0000000000aa/like").as("user_bob").send().status())
			.isEqualTo(404);
		assertThat(this.api.post("/v1/whispers/" + id + "/like").send().status()).isEqualTo(401);
	}

	@Test
	void blocksStopRepliesLikesAndVisibilityBothWays() {
		String alice = this.fixtures.me("user_alice").path("id").asString();
		String id = whisper("user_alice", Map.of("content", "Not for Bob")).json().path("id").asString();
		this.api.post("/v1/users/" + alice + "/block").as("user_bob").send();
		assertThat(reply("user_bob", id, "Hey").status()).isEqualTo(403);
		assertThat(this.api.post("/v1/whispers/" + id + "/like").as("user_bob").send().status()).isEqualTo(403);
		assertThat(contents(this.api.get("/v1/whispers").as("user_bob").send())).isEmpty();
		assertThat(this.api.get("/v1/whispers/" + id).as("user_bob").send().status()).isEqualTo(404);
		String bobs = whisper("user_bob", Map.of("content", "Bob speaks")).json().path("id").asString();
		assertThat(contents(this.api.get("/v1/whispers").as("user_alice").send())).containsExactly("Not for Bob");
		assertThat(reply("user_alice", bobs, "Hi").status()).isEqualTo(403);
		assertThat(contents(this.api.get("/v1/whispers").send())).containsExactly("Bob speaks", "Not for Bob");
	}

	@Test
	void mutedAuthorsLeaveFeedsButStayReachable() {
		String bob = this.fixtures.me("user_bob").path("id").asString();
		String id = whisper("user_bob", Map.of("content", "Muted words")).json().path("id").asString();
		this.api.post("/v1/users/" + bob + "/mute").as("user_alice").send();
		assertThat(contents(this.api.get("/v1/whispers").as("user_alice").send())).isEmpty();
		assertThat(this.api.get("/v1/whispers/" + id).as("user_alice").send().status()).isEqualTo(200);
		assertThat(contents(this.api.get("/v1/whispers").as("user_carol").send())).containsExactly("Muted words");
	}

	@Test
	void fiftyParallelLikesAreCountedExactly() throws Exception {
		String id = whisper("user_popular", Map.of("content", "Popular")).json().path("id").asString();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			tokens.add(this.api.token("user_fan_" + i));
			this.api.get("/v1/me").bearer(tokens.getLast()).send();
		}
		List<Callable<Integer>> likes = new ArrayList<>();
		tokens.forEach((token) -> likes
			.add(() -> this.api.post("/v1/whispers/" + id + "/like").bearer(token).send().status()));
		String one = this.api.token("user_eager");
		this.api.get("/v1/me").bearer(one).send();
		List<Callable<Integer>> duplicates = new ArrayList<>();
		String other = whisper("user_popular", Map.of("content", "Liked by one")).json().path("id").asString();
		for (int i = 0; i < 50; i++) {
			duplicates.add(() -> this.api.post("/v1/whispers/" + other + "/like").bearer(one).send().status());
		}
		try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
			for (var result : pool.invokeAll(likes)) {
				assertThat(result.get()).isEqualTo(200);
			}
			for (var result : pool.invokeAll(duplicates)) {
				assertThat(result.get()).isEqualTo(200);
			}
		}
		assertThat(this.api.get("/v1/whispers/" + id).send().json().path("like_count").asInt()).isEqualTo(50);
		assertThat(this.api.get("/v1/whispers/" + other).send().json().path("like_count").asInt()).isEqualTo(1);
	}

	@Test
	void aFeedPageCostsTheSameWhateverItsSize() {
		for (int i = 0; i < 8; i++) {
			whisper("user_author_" + (i % 3), Map.of("content", "Whisper " + i));
		}
		String token = this.api.token("user_reader");
		this.api.get("/v1/me").bearer(token).send();
		long one = this.statements.count(() -> this.api.get("/v1/whispers?page_size=1").bearer(token).send());
		long eight = this.statements.count(() -> this.api.get("/v1/whispers?page_size=8").bearer(token).send());
		assertThat(eight).isEqualTo(one);
		List<String> seen = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = this.api.get("/v1/whispers?page_size=3" + ((cursor != null) ? "&cursor=" + cursor : ""))
				.send()
				.json();
			page.path("data").forEach((w) -> seen.add(w.path("content").asString()));
			whisper("user_late", Map.of("content", "Late " + seen.size()));
			cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asString();
		}
		while (cursor != null);
		assertThat(seen).hasSize(8).doesNotHaveDuplicates().allMatch((c) -> c.startsWith("Whisper"));
	}

	private Api.Reply whisper(String user, Map<String, Object> body) {
		return this.api.post("/v1/whispers").as(user).json(body).send();
	}

	private Api.Reply reply(String user, String parent, String content) {
		return this.api.post("/v1/whispers/" + parent + "/replies").as(user).json(Map.of("content", content)).send();
	}

	private static List<String> details(Api.Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
		return new ArrayList<>(reply.json().path("error").path("details").propertyNames());
	}

	private static List<String> contents(Api.Reply page) {
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		List<String> contents = new ArrayList<>();
		page.json().path("data").forEach((whisper) -> contents.add(whisper.path("content").asString()));
		return contents;
	}

}
