package com.muejam.social;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A block, whichever side made it, hides each user's content from the other on every read
 * path, by list and by direct link; anonymous readers still see everything.
 */
@IntegrationTest
class BlockVisibilityTests {

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@ParameterizedTest(name = "reader blocked the author: {0}")
	@ValueSource(booleans = { true, false })
	void aBlockHidesTheAuthorsStoriesChaptersAndTheirWhispersFromTheReader(boolean readerBlocks) {
		Fixtures.Published book = this.fixtures.publishedChapter("user_author", "Blocked Book", "Words to keep.");
		String shelf = this.fixtures.shelf("user_reader", "Later");
		assertThat(addToShelf(shelf, book.storyId()).status()).isEqualTo(201);
		assertThat(this.api.post("/v1/chapters/" + book.chapterId() + "/progress")
			.as("user_reader")
			.json(Map.of("offset", 2))
			.send()
			.status()).isEqualTo(200);
		String readerHighlight = highlight("user_reader", book.chapterId());
		String otherHighlight = highlight("user_other", book.chapterId());
		assertThat(whisper("user_other",
				Map.of("content", "On the passage", "scope", "highlight", "highlight_id", otherHighlight))
			.status()).isEqualTo(201);
		String aboutStory = whisper("user_other",
				Map.of("content", "About the book", "scope", "story", "story_id", book.storyId()))
			.json()
			.path("id")
			.asString();
		String authorsRoot = whisper("user_author", Map.of("content", "Author speaks")).json().path("id").asString();
		String othersReply = this.api.post("/v1/whispers/" + authorsRoot + "/replies")
			.as("user_other")
			.json(Map.of("content", "Other answers"))
			.send()
			.json()
			.path("id")
			.asString();
		block(readerBlocks);

		List<String> hidden = List.of("/v1/chapters/" + book.chapterId(), "/v1/stories/" + book.storyId() + "/chapters",
				"/v1/chapters/" + book.chapterId() + "/highlights", "/v1/chapters/" + book.chapterId() + "/progress",
				"/v1/chapters/" + book.chapterId() + "/bookmarks",
				"/v1/whispers?scope=story&story_id=" + book.storyId(),
				"/v1/whispers?scope=highlight&highlight_id=" + otherHighlight, "/v1/whispers/" + aboutStory,
				"/v1/whispers/" + authorsRoot + "/replies", "/v1/whispers/" + othersReply + "/replies",
				"/v1/whispers/" + othersReply);
		for (String path : hidden) {
			Api.Reply reply = this.api.get(path).as("user_reader").send();
			assertThat(reply.status()).as(path + " " + reply).isEqualTo(404);
			assertThat(reply.errorCode()).isEqualTo("NOT_FOUND");
			if (!path.endsWith("/progress") && !path.endsWith("/bookmarks") && !path.endsWith("/highlights")) {
				assertThat(this.api.get(path).send().status()).as("anonymous " + path).isEqualTo(200);
			}
		}
		assertThat(addToShelf(shelf, book.storyId()).status()).isEqualTo(404);
		assertThat(this.api.get("/v1/library/shelves/" + shelf + "/items").as("user_reader").send().json().path("data"))
			.isEmpty();
		assertThat(this.api.get("/v1/library/reading").as("user_reader").send().json().path("data")).isEmpty();
		assertThat(this.api.post("/v1/chapters/" + book.chapterId() + "/highlights")
			.as("user_reader")
			.json(Map.of("start_offset", 0, "end_offset", 5))
			.send()
			.status()).isEqualTo(404);
		assertThat(this.api.post("/v1/chapters/" + book.chapterId() + "/progress")
			.as("user_reader")
			.json(Map.of("offset", 3))
			.send()
			.status()).isEqualTo(404);
		assertThat(
				whisper("user_reader", Map.of("content", "Mine", "scope", "highlight", "highlight_id", readerHighlight))
					.status())
			.isEqualTo(400);
		assertThat(whisper("user_reader", Map.of("content", "Mine", "scope", "story", "story_id", book.storyId()))
			.status()).isEqualTo(400);
		assertThat(this.api.post("/v1/whispers/" + othersReply + "/replies")
			.as("user_reader")
			.json(Map.of("content", "Into the thread"))
			.send()
			.status()).isIn(403, 404);
		assertThat(this.api.post("/v1/whispers/" + aboutStory + "/like").as("user_reader").send().status()).isIn(403,
				404);
		assertThat(this.api.get("/v1/whispers/" + aboutStory).as("user_other").send().status()).isEqualTo(200);

		unblock(readerBlocks);
		assertThat(this.api.get("/v1/chapters/" + book.chapterId()).as("user_reader").send().status()).isEqualTo(200);
		assertThat(titles(this.api.get("/v1/library/shelves/" + shelf + "/items").as("user_reader").send()))
			.containsExactly("Blocked Book");
		assertThat(this.api.get("/v1/library/reading")
			.as("user_reader")
			.send()
			.json()
			.path("data")
			.get(0)
			.path("story")
			.path("title")
			.asString()).isEqualTo("Blocked Book");
	}

	private void block(boolean readerBlocks) {
		String author = this.fixtures.me("user_author").path("id").asString();
		String reader = this.fixtures.me("user_reader").path("id").asString();
		Api.Reply blocked = readerBlocks ? this.api.post("/v1/users/" + author + "/block").as("user_reader").send()
				: this.api.post("/v1/users/" + reader + "/block").as("user_author").send();
		assertThat(blocked.status()).isEqualTo(200);
	}

	private void unblock(boolean readerBlocks) {
		String author = this.fixtures.me("user_author").path("id").asString();
		String reader = this.fixtures.me("user_reader").path("id").asString();
		if (readerBlocks) {
			this.api.delete("/v1/users/" + author + "/block").as("user_reader").send();
		}
		else {
			this.api.delete("/v1/users/" + reader + "/block").as("user_author").send();
		}
	}

	private Api.Reply addToShelf(String shelf, String story) {
		return this.api.post("/v1/library/shelves/" + shelf + "/items")
			.as("user_reader")
			.json(Map.of("story_id", story))
			.send();
	}

	private String highlight(String user, String chapter) {
		Api.Reply created = this.api.post("/v1/chapters/" + chapter + "/highlights")
			.as(user)
			.json(Map.of("start_offset", 0, "end_offset", 5))
			.send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asString();
	}

	private Api.Reply whisper(String user, Map<String, Object> body) {
		return this.api.post("/v1/whispers").as(user).json(body).send();
	}

	private static List<String> titles(Api.Reply page) {
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		List<String> titles = new ArrayList<>();
		page.json().path("data").forEach((item) -> titles.add(item.path("title").asString()));
		return titles;
	}

}
