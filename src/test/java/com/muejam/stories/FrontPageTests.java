package com.muejam.stories;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.muejam.core.cache.CacheNames;
import com.muejam.core.security.CurrentUser;
import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;
import com.muejam.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first page of the newest stories as anyone signed out sees it (the public list and
 * Discover New) is read once and shared, and every write that changes a story on it shows
 * in the next read.
 */
@IntegrationTest
class FrontPageTests {

	private static final String FRONT_PAGE = "/v1/stories?page_size=20";

	@Autowired
	Api api;

	@Autowired
	StatementCounter statements;

	@Autowired
	StoryService stories;

	@Autowired
	CacheManager caches;

	@Autowired
	TransactionTemplate transactions;

	@BeforeEach
	void forgetTheSharedPage() {
		this.caches.getCache(CacheNames.FRONT_PAGE).clear();
	}

	@Test
	void aSignedOutFirstPageIsReadOnceThenSharedByTheListAndTheNewTab() {
		for (int i = 0; i < 6; i++) {
			fixtures().publishedStory("user_front_writer", "Front " + i, List.of());
		}
		assertThat(this.statements.count(() -> {
			forgetTheSharedPage();
			fixtures().read(FRONT_PAGE);
		})).isEqualTo(1);
		JsonNode page = fixtures().read(FRONT_PAGE);
		assertThat(this.statements.capture(() -> fixtures().read(FRONT_PAGE))).isEmpty();
		// the New tab's items are the same stories (with the tab's reason field)
		assertThat(this.statements
			.capture(() -> assertThat(ids(fixtures().read("/v1/discover?tab=new"))).isEqualTo(ids(page)))).isEmpty();
		// a smaller page is the shared page's head, and its cursor continues after it
		JsonNode small = fixtures().read("/v1/stories?page_size=3");
		assertThat(this.statements.capture(() -> fixtures().read("/v1/stories?page_size=3"))).isEmpty();
		assertThat(ids(small)).isEqualTo(ids(page).subList(0, 3));
		JsonNode next = fixtures().read("/v1/stories?page_size=3&cursor=" + small.path("next_cursor").asString());
		assertThat(ids(next)).isEqualTo(ids(page).subList(3, 6));
		// a larger page is read from the database, and agrees
		assertThat(this.statements.count(() -> fixtures().read("/v1/stories?page_size=50"))).isEqualTo(1);
		assertThat(ids(fixtures().read("/v1/stories?page_size=50"))).startsWith(ids(page).toArray(String[]::new));
	}

	@Test
	void everyWriteToAStoryOnThePageShowsInTheNextRead() {
		String author = "user_front_changing_writer";
		String story = fixtures().publishedStory(author, "On The Front Page", List.of());
		assertThat(titles()).contains("On The Front Page");
		// a new story comes first at once
		String newer = fixtures().publishedStory(author, "Newer Still", List.of());
		assertThat(ids(fixtures().read(FRONT_PAGE)).getFirst()).isEqualTo(newer);
		// an edit, a chapter and a rating above what signed-out readers see
		fixtures().editStory(author, story, Map.of("title", "Retitled On The Front Page"));
		assertThat(titles()).contains("Retitled On The Front Page").doesNotContain("On The Front Page");
		String chapter = fixtures().chapter(author, story, "One", "Words.");
		assertThat(this.api.post("/v1/chapters/" + chapter + "/publish").as(author).send().status()).isEqualTo(200);
		assertThat(entry(story).path("chapter_count").asInt()).isEqualTo(1);
		fixtures().editStory(author, story, Map.of("rating", "explicit"));
		assertThat(ids(fixtures().read(FRONT_PAGE))).doesNotContain(story);
		fixtures().editStory(author, story, Map.of("rating", "general"));
		assertThat(ids(fixtures().read(FRONT_PAGE))).contains(story);
		// a moderator's hiding, the author's deletion, the author's leaving
		assertThat(this.stories.hide(UUID.fromString(story))).isPresent();
		assertThat(ids(fixtures().read(FRONT_PAGE))).doesNotContain(story);
		assertThat(this.api.delete("/v1/stories/" + newer).as(author).send().status()).isEqualTo(204);
		assertThat(ids(fixtures().read(FRONT_PAGE))).doesNotContain(newer);
		String leaving = fixtures().publishedStory("user_front_leaving_writer", "Leaving The Front Page", List.of());
		assertThat(ids(fixtures().read(FRONT_PAGE))).contains(leaving);
		assertThat(this.api.delete("/v1/me").as("user_front_leaving_writer").send().status()).isEqualTo(202);
		assertThat(ids(fixtures().read(FRONT_PAGE))).doesNotContain(leaving);
		assertThat(this.api.post("/v1/me/restore").as("user_front_leaving_writer").send().status()).isEqualTo(200);
		assertThat(ids(fixtures().read(FRONT_PAGE))).contains(leaving);
	}

	@Test
	void writesToDraftsLeaveThePageShared() {
		String author = "user_front_drafting_writer";
		Api.Reply created = this.api.post("/v1/stories").as(author).json(Map.of("title", "Not Yet")).send();
		String draft = created.json().path("id").asString();
		fixtures().read(FRONT_PAGE);
		fixtures().editStory(author, draft, Map.of("title", "Not Yet Either"));
		fixtures().chapter(author, draft, "One", "Words.");
		assertThat(this.statements.capture(() -> fixtures().read(FRONT_PAGE))).isEmpty();
	}

	@Test
	void aReadThatOvertakesAPublicationIsNotLeftInTheCache() {
		String author = "user_front_racing_writer";
		Api.Reply created = this.api.post("/v1/stories").as(author).json(Map.of("title", "Racing The Page")).send();
		String story = created.json().path("id").asString();
		CurrentUser writer = new CurrentUser(UUID.fromString(fixtures().me(author).path("id").asString()), author,
				Set.of());
		this.transactions.executeWithoutResult((status) -> {
			this.stories.publish(writer, UUID.fromString(story), null);
			// a signed-out reader's request, on its own connection, reads the page before
			// the publication commits, and caches it after the publication's eviction
			assertThat(ids(CompletableFuture.supplyAsync(() -> fixtures().read(FRONT_PAGE)).join()))
				.doesNotContain(story);
		});
		assertThat(ids(fixtures().read(FRONT_PAGE)).getFirst()).isEqualTo(story);
	}

	@Test
	void signedInReadersNeverReadTheSharedPage() {
		String muted = fixtures().publishedStory("user_front_muted_writer", "Muted On The Front Page", List.of());
		assertThat(ids(fixtures().read(FRONT_PAGE))).contains(muted);
		String authorId = fixtures().me("user_front_muted_writer").path("id").asString();
		fixtures().me("user_front_muting_reader");
		assertThat(this.api.post("/v1/users/" + authorId + "/mute").as("user_front_muting_reader").send().status())
			.isEqualTo(200);
		for (String list : List.of(FRONT_PAGE, "/v1/discover?tab=new")) {
			Api.Reply reply = this.api.get(list).as("user_front_muting_reader").send();
			assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
			assertThat(ids(reply.json())).doesNotContain(muted);
		}
		assertThat(ids(fixtures().read(FRONT_PAGE))).contains(muted);
	}

	private List<String> titles() {
		return fixtures().read(FRONT_PAGE)
			.path("data")
			.valueStream()
			.map((story) -> story.path("title").asString())
			.toList();
	}

	private JsonNode entry(String story) {
		return fixtures().read(FRONT_PAGE)
			.path("data")
			.valueStream()
			.filter((item) -> item.path("id").asString().equals(story))
			.findFirst()
			.orElseThrow();
	}

	private static List<String> ids(JsonNode page) {
		return page.path("data").valueStream().map((story) -> story.path("id").asString()).toList();
	}

	private Fixtures fixtures() {
		return new Fixtures(this.api);
	}

}
