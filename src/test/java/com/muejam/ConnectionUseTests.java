package com.muejam;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;
import com.muejam.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No request needs a second pooled connection while it holds one. If it did, a burst of
 * such requests would take every connection and then wait for one more each: the pool
 * would starve until its timeout, and the instance would answer 503s at a load it can
 * otherwise carry. The writes here publish events that listeners handle after the commit,
 * the usual way to fall into it.
 */
@IntegrationTest
class ConnectionUseTests {

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	StatementCounter statements;

	@Test
	void shelvingAStoryHoldsOneConnectionAtATime() {
		String story = this.fixtures.publishedStory("user_author", "Shelved", List.of());
		String shelf = this.fixtures.shelf("user_reader", "Later");
		assertThat(this.statements
			.mostConnectionsHeldByOneThread(() -> assertThat(this.api.post("/v1/library/shelves/" + shelf + "/items")
				.as("user_reader")
				.json(Map.of("story_id", story))
				.send()
				.status()).isEqualTo(201)))
			.isEqualTo(1);
	}

	@Test
	void savingProgressHoldsOneConnectionAtATime() {
		Fixtures.Published book = this.fixtures.publishedChapter("user_author", "Read", "Words to read.");
		assertThat(this.statements.mostConnectionsHeldByOneThread(
				() -> assertThat(this.api.post("/v1/chapters/" + book.chapterId() + "/progress")
					.as("user_reader")
					.json(Map.of("offset", 3))
					.send()
					.status()).isIn(200, 201)))
			.isEqualTo(1);
	}

	@Test
	void publishingAndDeletingAStoryHoldOneConnectionAtATime() {
		String story = this.api.post("/v1/stories")
			.as("user_author")
			.json(Map.of("title", "Draft", "tags", List.of()))
			.send()
			.json()
			.path("id")
			.asString();
		assertThat(this.statements.mostConnectionsHeldByOneThread(
				() -> assertThat(this.api.post("/v1/stories/" + story + "/publish").as("user_author").send().status())
					.isEqualTo(200)))
			.isEqualTo(1);
		assertThat(this.statements.mostConnectionsHeldByOneThread(
				() -> assertThat(this.api.delete("/v1/stories/" + story).as("user_author").send().status())
					.isEqualTo(204)))
			.isEqualTo(1);
	}

	@Test
	void signedOutReadsServedFromMemoryTakeNoConnection() {
		Fixtures.Published book = this.fixtures.publishedChapter("user_author", "Remembered", "Words to keep.");
		String slug = this.fixtures.read("/v1/stories/" + book.storyId()).path("slug").asString();
		for (String path : List.of("/v1/stories/" + slug, "/v1/stories/" + book.storyId(),
				"/v1/chapters/" + book.chapterId(), "/v1/stories", "/v1/discover?tab=new", "/v1/discover?tab=trending",
				"/v1/search?q=remembered", "/v1/search/suggest?q=rem")) {
			this.fixtures.read(path);
			assertThat(this.statements.countConnections(() -> this.fixtures.read(path))).as(path).isZero();
		}
	}

	@Test
	void blockingHoldsOneConnectionAtATime() {
		this.fixtures.me("user_reader");
		String author = this.fixtures.me("user_author").path("id").asString();
		assertThat(this.statements.mostConnectionsHeldByOneThread(
				() -> assertThat(this.api.post("/v1/users/" + author + "/block").as("user_reader").send().status())
					.isIn(200, 201, 204)))
			.isEqualTo(1);
	}

}
