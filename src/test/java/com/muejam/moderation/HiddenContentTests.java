package com.muejam.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Content a moderator hid, or its author deleted, stays out of reach on every path: the
 * threads under it, the whispers about it, reports and tag search.
 */
@IntegrationTest
class HiddenContentTests {

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@Test
	void aHiddenRootHidesItsWholeThread() {
		String root = whisper("user_troll", Map.of("content", "Offending root")).json().path("id").asString();
		String reply = reply("user_bystander", root, "A reply").json().path("id").asString();
		assertThat(this.api.get("/v1/whispers/" + reply + "/replies").send().status()).isEqualTo(200);
		hide(Map.of("whisper_id", root));
		for (String path : List.of("/v1/whispers/" + root + "/replies", "/v1/whispers/" + reply + "/replies",
				"/v1/whispers/" + reply)) {
			Api.Reply hidden = this.api.get(path).as("user_bystander").send();
			assertThat(hidden.status()).as(path + " " + hidden).isEqualTo(404);
			assertThat(hidden.errorCode()).isEqualTo("NOT_FOUND");
		}
		assertThat(reply("user_bystander", reply, "Still here?").status()).isEqualTo(404);
		assertThat(this.api.post("/v1/whispers/" + reply + "/like").as("user_other").send().status()).isEqualTo(404);
	}

	@Test
	void whispersAboutAHiddenStoryAreHiddenWithIt() {
		Fixtures.Published book = this.fixtures.publishedChapter("user_author", "Soon Hidden", "Quotable words here.");
		String aboutStory = whisper("user_reader",
				Map.of("content", "About it", "scope", "story", "story_id", book.storyId()))
			.json()
			.path("id")
			.asString();
		String highlight = this.api.post("/v1/chapters/" + book.chapterId() + "/highlights")
			.as("user_reader")
			.json(Map.of("start_offset", 0, "end_offset", 9))
			.send()
			.json()
			.path("id")
			.asString();
		String aboutPassage = whisper("user_reader",
				Map.of("content", "On a passage", "scope", "highlight", "highlight_id", highlight))
			.json()
			.path("id")
			.asString();
		String reply = reply("user_other", aboutStory, "Agreed").json().path("id").asString();
		assertThat(this.api.get("/v1/whispers/" + aboutPassage).send().status()).isEqualTo(200);
		hide(Map.of("story_id", book.storyId()));
		for (String path : List.of("/v1/whispers/" + aboutStory, "/v1/whispers/" + aboutPassage,
				"/v1/whispers/" + reply, "/v1/whispers/" + aboutStory + "/replies",
				"/v1/whispers?scope=story&story_id=" + book.storyId(),
				"/v1/whispers?scope=highlight&highlight_id=" + highlight)) {
			Api.Reply hidden = this.api.get(path).as("user_reader").send();
			assertThat(hidden.status()).as(path + " " + hidden).isEqualTo(404);
		}
	}

	@Test
	void whispersAboutADeletedStoryAreGoneWithIt() {
		String story = this.fixtures.publishedStory("user_author", "Soon Deleted", List.of());
		String aboutStory = whisper("user_reader", Map.of("content", "About it", "scope", "story", "story_id", story))
			.json()
			.path("id")
			.asString();
		assertThat(this.api.delete("/v1/stories/" + story).as("user_author").send().status()).isEqualTo(204);
		assertThat(this.api.get("/v1/whispers/" + aboutStory).send().status()).isEqualTo(404);
		assertThat(this.api.get("/v1/whispers/" + aboutStory + "/replies").send().status()).isEqualTo(404);
	}

	@Test
	void reportingContentTheReporterCannotSeeIsNotFound() {
		String draft = this.api.post("/v1/stories")
			.as("user_author")
			.json(Map.of("title", "Secret Draft"))
			.send()
			.json()
			.path("id")
			.asString();
		String published = this.fixtures.publishedStory("user_author", "Public Story", List.of());
		String draftChapter = this.fixtures.chapter("user_author", published, "Unpublished", "Not yet.");
		for (Map<String, Object> target : List.of(Map.<String, Object>of("story_id", draft),
				Map.<String, Object>of("chapter_id", draftChapter))) {
			Map<String, Object> body = new java.util.HashMap<>(target);
			body.put("reason", "Curious");
			Api.Reply reported = this.api.post("/v1/reports").as("user_snoop").json(body).send();
			assertThat(reported.status()).as(target + " " + reported).isEqualTo(404);
			assertThat(reported.errorCode()).isEqualTo("NOT_FOUND");
		}
		assertThat(this.api.post("/v1/reports")
			.as("user_snoop")
			.json(Map.of("reason", "Bad", "story_id", published))
			.send()
			.status()).isEqualTo(201);
	}

	@Test
	void aHiddenChapterLeavesTheStorysChapterCountInEveryList() {
		Fixtures.Published book = this.fixtures.publishedChapter("user_author", "Two Parts", "The first part.");
		String second = this.fixtures.chapter("user_author", book.storyId(), "Second", "The second part.");
		assertThat(this.api.post("/v1/chapters/" + second + "/publish").as("user_author").send().status())
			.isEqualTo(200);
		assertThat(chapterCounts(book.storyId())).containsExactly(2, 2);
		hide(Map.of("chapter_id", second));
		assertThat(chapterCounts(book.storyId())).containsExactly(1, 1);
	}

	@Test
	void tagSearchFindsOnlyTagsOfVisibleStories() {
		this.api.post("/v1/stories")
			.as("user_author")
			.json(Map.of("title", "Unpublished", "tags", List.of("Clandestine")))
			.send();
		this.fixtures.publishedStory("user_author", "Out There", List.of("Clanking"));
		Api.Reply found = this.api.get("/v1/search?type=tags&q=clan").send();
		assertThat(found.status()).isEqualTo(200);
		List<String> slugs = new ArrayList<>();
		found.json().path("data").forEach((tag) -> slugs.add(tag.path("slug").asString()));
		assertThat(slugs).containsExactly("clanking");
	}

	/**
	 * The story's chapter count as a reader sees it read alone and in the public list.
	 */
	private List<Integer> chapterCounts(String storyId) {
		int alone = this.api.get("/v1/stories/" + storyId).send().json().path("chapter_count").asInt();
		int listed = -1;
		for (JsonNode story : this.api.get("/v1/stories").send().json().path("data")) {
			if (story.path("id").asString().equals(storyId)) {
				listed = story.path("chapter_count").asInt();
			}
		}
		return List.of(alone, listed);
	}

	private void hide(Map<String, Object> target) {
		Map<String, Object> body = new java.util.HashMap<>(target);
		body.put("reason", "Abuse");
		Api.Reply reported = this.api.post("/v1/reports").as("user_reporter").json(body).send();
		assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
		Api.Reply resolved = this.api
			.post("/v1/moderation/reports/" + reported.json().path("id").asString() + "/resolve")
			.as("user_mod", "moderator")
			.json(Map.of("action", "hide_content"))
			.send();
		assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
	}

	private Api.Reply whisper(String user, Map<String, Object> body) {
		Api.Reply created = this.api.post("/v1/whispers").as(user).json(body).send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created;
	}

	private Api.Reply reply(String user, String parent, String content) {
		return this.api.post("/v1/whispers/" + parent + "/replies").as(user).json(Map.of("content", content)).send();
	}

}
