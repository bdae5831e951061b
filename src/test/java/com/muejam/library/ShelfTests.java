package com.muejam.library;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.muejam.support.Api;
import com.muejam.support.EventsHandled;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;
import com.muejam.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@ExtendWith(PublishedEventsExtension.class)
class ShelfTests {

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	StatementCounter statements;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void refusesTheShelfPastTheReadersQuota() {
		for (int i = 0; i < 50; i++) {
			shelf("user_reader", "Shelf " + i);
		}
		Api.Reply refused = this.api.post("/v1/library/shelves")
			.as("user_reader")
			.json(Map.of("name", "One too many"))
			.send();
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.errorCode()).isEqualTo("QUOTA_EXCEEDED");
		assertThat(refused.json().path("error").path("details").path("quota").asString()).isEqualTo("shelves");
		assertThat(this.api.post("/v1/library/shelves").as("user_other").json(Map.of("name", "Mine")).send().status())
			.isEqualTo(201);
	}

	@Test
	void refusesANewStoryOnAFullShelfButKeepsRepeatsIdempotent() {
		String kept = this.fixtures.publishedStory("user_author", "Already There", List.of());
		String more = this.fixtures.publishedStory("user_author", "One More", List.of());
		String shelf = shelf("user_reader", "Full");
		assertThat(add(shelf, kept).status()).isEqualTo(201);
		// stand in for 999 more stories on the shelf
		this.jdbc.sql("update shelves set item_count = 1000 where id = :id::uuid").param("id", shelf).update();
		Api.Reply refused = add(shelf, more);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().path("error").path("details").path("quota").asString()).isEqualTo("items_per_shelf");
		assertThat(add(shelf, kept).status()).isEqualTo(200);
	}

	private Api.Reply add(String shelf, String story) {
		return this.api.post("/v1/library/shelves/" + shelf + "/items")
			.as("user_reader")
			.json(Map.of("story_id", story))
			.send();
	}

	@Test
	void createsRenamesListsAndDeletesShelves() {
		String id = shelf("user_reader", "Favourites");
		Api.Reply renamed = this.api.put("/v1/library/shelves/" + id)
			.as("user_reader")
			.json(Map.of("name", "Best"))
			.send();
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.json().path("name").asString()).isEqualTo("Best");
		shelf("user_reader", "Later");
		JsonNode list = this.api.get("/v1/library/shelves").as("user_reader").send().json().path("data");
		assertThat(list.size()).isEqualTo(2);
		assertThat(list.get(0).path("name").asString()).isEqualTo("Later");
		assertThat(list.get(1).path("item_count").asInt()).isZero();
		assertThat(this.api.delete("/v1/library/shelves/" + id).as("user_reader").send().status()).isEqualTo(204);
		assertThat(this.api.get("/v1/library/shelves").as("user_reader").send().json().path("data").size())
			.isEqualTo(1);
	}

	@Test
	void shelfNamesAreUniquePerReaderIgnoringCase() {
		shelf("user_reader", "To Read");
		Api.Reply duplicate = this.api.post("/v1/library/shelves")
			.as("user_reader")
			.json(Map.of("name", "to read"))
			.send();
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.errorCode()).isEqualTo("CONFLICT");
		assertThat(
				this.api.post("/v1/library/shelves").as("user_other").json(Map.of("name", "To Read")).send().status())
			.isEqualTo(201);
		String second = shelf("user_reader", "Another");
		assertThat(this.api.put("/v1/library/shelves/" + second)
			.as("user_reader")
			.json(Map.of("name", "TO READ"))
			.send()
			.status()).isEqualTo(409);
	}

	@Test
	void rejectsBadShelfNames() {
		Api.Reply blank = this.api.post("/v1/library/shelves").as("user_reader").json(Map.of("name", "  ")).send();
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.json().path("error").path("details").has("name")).isTrue();
		assertThat(this.api.post("/v1/library/shelves")
			.as("user_reader")
			.json(Map.of("name", "x".repeat(101)))
			.send()
			.status()).isEqualTo(400);
		assertThat(this.api.post("/v1/library/shelves").json(Map.of("name", "x")).send().status()).isEqualTo(401);
	}

	@Test
	void addingIsIdempotentAndASave(PublishedEvents events) {
		String story = this.fixtures.publishedStory("user_author", "Shelved", List.of());
		String shelf = shelf("user_reader", "Mine");
		Api.Reply first = add("user_reader", shelf, story);
		assertThat(first.status()).isEqualTo(201);
		assertThat(first.json().path("title").asString()).isEqualTo("Shelved");
		assertThat(first.json().has("added_at")).isTrue();
		Api.Reply second = add("user_reader", shelf, story);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.json().path("added_at").asString()).isEqualTo(first.json().path("added_at").asString());
		assertThat(this.api.get("/v1/library/shelves")
			.as("user_reader")
			.send()
			.json()
			.path("data")
			.get(0)
			.path("item_count")
			.asInt()).isEqualTo(1);
		assertThat(events.ofType(StorySaved.class)).hasSize(1);
	}

	@Test
	void addingIsTwoStatementsWithItsSignalAndOneOnceTheStoryIsCached() {
		String story = this.fixtures.publishedStory("user_author", "Counted", List.of());
		String shelf = shelf("user_reader", "Counted");
		// the story as the reader sees it, and the shelf's item with the save's signal;
		// the sign-in is remembered
		this.api.get("/v1/me").as("user_reader").send();
		List<String> adding = requestStatements(
				() -> assertThat(add("user_reader", shelf, story).status()).isEqualTo(201));
		assertThat(adding).hasSize(2);
		assertThat(adding.get(1)).contains("insert into signal_inbox");
		EventsHandled.await(this.jdbc);
		assertThat(saves(story)).isEqualTo(1);
		// the story comes from the cache the first add filled; a story already on the
		// shelf is no new save, and appends no signal
		assertThat(requestStatements(() -> assertThat(add("user_reader", shelf, story).status()).isEqualTo(200)))
			.hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from signal_inbox").query(Long.class).single()).isZero();
	}

	@Test
	void aRefusedAddAppendsNoSignal() {
		String kept = this.fixtures.publishedStory("user_author", "On The Shelf", List.of());
		String more = this.fixtures.publishedStory("user_author", "Refused", List.of());
		String shelf = shelf("user_reader", "Refusing");
		assertThat(add("user_reader", shelf, kept).status()).isEqualTo(201);
		EventsHandled.await(this.jdbc);
		// another reader's shelf, and a full one: the statement inserts no item, so no
		// signal
		assertThat(add("user_spy", shelf, more).status()).isEqualTo(404);
		this.jdbc.sql("update shelves set item_count = 1000 where id = :id::uuid").param("id", shelf).update();
		assertThat(add("user_reader", shelf, more).status()).isEqualTo(409);
		assertThat(this.jdbc.sql("select count(*) from signal_inbox").query(Long.class).single()).isZero();
		assertThat(saves(more)).isZero();
	}

	@Test
	void addingTakesNoTransaction() {
		String shelf = shelf("user_reader", "Untransacted");
		Iterator<String> stories = List
			.of(this.fixtures.publishedStory("user_author", "First", List.of()),
					this.fixtures.publishedStory("user_author", "Second", List.of()))
			.iterator();
		// each a new item with its signal: one statement, committed on its own
		assertThat(this.statements
			.countTransactions(() -> assertThat(add("user_reader", shelf, stories.next()).status()).isEqualTo(201)))
			.isZero();
	}

	/**
	 * The statements an action ran, leaving out its events' publication and the count of
	 * its signal (which runs a moment later).
	 */
	private List<String> requestStatements(Runnable action) {
		return this.statements.capture(action)
			.stream()
			.map((query) -> query.getQuery())
			.filter((sql) -> !sql.matches("(?is).*(event_publication|delete from signal_inbox).*"))
			.toList();
	}

	private long saves(String story) {
		return this.jdbc
			.sql("select coalesce(sum(saves_count), 0) from story_stats_daily where story_id = :story::uuid")
			.param("story", story)
			.query(Long.class)
			.single();
	}

	@Test
	void concurrentAddsOfOneStoryKeepOneItemAndAnswerEach() throws Exception {
		String shelf = shelf("user_reader", "Raced");
		this.api.get("/v1/me").as("user_reader").send();
		for (int round = 0; round < 15; round++) {
			String story = this.fixtures.publishedStory("user_racer" + round, "Raced", List.of());
			List<Integer> statuses;
			try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
				List<Future<Integer>> adds = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					adds.add(pool.submit(() -> add("user_reader", shelf, story).status()));
				}
				statuses = new ArrayList<>();
				for (Future<Integer> added : adds) {
					statuses.add(added.get());
				}
			}
			assertThat(statuses).as("round %d", round).containsOnly(201, 200).containsOnlyOnce(201);
		}
		assertThat(this.jdbc.sql("select item_count from shelves where id = :id::uuid")
			.param("id", shelf)
			.query(Integer.class)
			.single()).isEqualTo(15);
	}

	@Test
	void aStoryCanSitOnManyShelvesAndBeRemovedFromOne() {
		String story = this.fixtures.publishedStory("user_author", "Everywhere", List.of());
		String a = shelf("user_reader", "A");
		String b = shelf("user_reader", "B");
		add("user_reader", a, story);
		add("user_reader", b, story);
		assertThat(itemIds("user_reader", a)).containsExactly(story);
		assertThat(itemIds("user_reader", b)).containsExactly(story);
		assertThat(this.api.delete("/v1/library/shelves/" + a + "/items/" + story).as("user_reader").send().status())
			.isEqualTo(204);
		assertThat(this.api.delete("/v1/library/shelves/" + a + "/items/" + story).as("user_reader").send().status())
			.isEqualTo(204);
		assertThat(itemIds("user_reader", a)).isEmpty();
		assertThat(itemIds("user_reader", b)).containsExactly(story);
	}

	@Test
	void shelvesArePrivate() {
		String shelf = shelf("user_owner", "Secret");
		String story = this.fixtures.publishedStory("user_author", "Private Reading", List.of());
		assertThat(this.api.get("/v1/library/shelves/" + shelf + "/items").as("user_spy").send().status())
			.isEqualTo(404);
		assertThat(add("user_spy", shelf, story).status()).isEqualTo(404);
		assertThat(this.api.put("/v1/library/shelves/" + shelf)
			.as("user_spy")
			.json(Map.of("name", "Mine now"))
			.send()
			.status()).isEqualTo(404);
		assertThat(this.api.delete("/v1/library/shelves/" + shelf).as("user_spy").send().status()).isEqualTo(404);
		assertThat(this.api.get("/v1/library/shelves/" + shelf + "/items").send().status()).isEqualTo(401);
	}

	@Test
	void onlyVisibleStoriesCanBeShelvedAndDeletedOnesDropOut() {
		String shelf = shelf("user_reader", "Mixed");
		Api.Reply draft = this.api.post("/v1/stories").as("user_author").json(Map.of("title", "Draft")).send();
		assertThat(add("user_reader", shelf, draft.json().path("id").asString()).status()).isEqualTo(404);
		assertThat(add("user_reader", shelf, "00000000-0000-0000-0000-000000000009").status()).isEqualTo(404);
		Api.Reply missingStory = this.api.post("/v1/library/shelves/" + shelf + "/items")
			.as("user_reader")
			.json(Map.of())
			.send();
		assertThat(missingStory.json().path("error").path("details").has("story_id")).isTrue();
		String story = this.fixtures.publishedStory("user_author", "Soon Gone", List.of());
		add("user_reader", shelf, story);
		this.api.delete("/v1/stories/" + story).as("user_author").send();
		assertThat(itemIds("user_reader", shelf)).isEmpty();
	}

	@Test
	void itemsPageThroughNewestFirstInFixedStatements() {
		String shelf = shelf("user_reader", "Big");
		List<String> stories = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String author = "user_writer_" + (i % 3);
			stories.add(this.fixtures.publishedStory(author, "Book " + i, List.of("Tag" + i)));
			add("user_reader", shelf, stories.getLast());
		}
		List<String> paged = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = this.api
				.get("/v1/library/shelves/" + shelf + "/items?page_size=4"
						+ ((cursor != null) ? "&cursor=" + cursor : ""))
				.as("user_reader")
				.send()
				.json();
			page.path("data").forEach((item) -> paged.add(item.path("id").asString()));
			cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asString();
		}
		while (cursor != null);
		assertThat(paged).containsExactlyElementsOf(stories.reversed());
		String token = this.api.token("user_reader");
		long one = this.statements
			.count(() -> this.api.get("/v1/library/shelves/" + shelf + "/items?page_size=1").bearer(token).send());
		long six = this.statements
			.count(() -> this.api.get("/v1/library/shelves/" + shelf + "/items?page_size=6").bearer(token).send());
		assertThat(six).isEqualTo(one);
	}

	private String shelf(String user, String name) {
		Api.Reply reply = this.api.post("/v1/library/shelves").as(user).json(Map.of("name", name)).send();
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json().path("id").asString();
	}

	private Api.Reply add(String user, String shelf, String story) {
		return this.api.post("/v1/library/shelves/" + shelf + "/items").as(user).json(Map.of("story_id", story)).send();
	}

	private List<String> itemIds(String user, String shelf) {
		List<String> ids = new ArrayList<>();
		this.api.get("/v1/library/shelves/" + shelf + "/items")
			.as(user)
			.send()
			.json()
			.path("data")
			.forEach((item) -> ids.add(item.path("id").asString()));
		return ids;
	}

}
