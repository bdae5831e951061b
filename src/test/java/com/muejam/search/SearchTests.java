package com.muejam.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.QueryInfo;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;
import com.muejam.support.QueryPlans;
import com.muejam.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SearchTests {

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	StatementCounter statements;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void findsStoriesByStemmedAccentFoldedWordsTitleFirst() {
		story("user_a", "The Dragon's Keeper", "A quiet village.", List.of());
		story("user_b", "Village Life", "Dragons burn the village.", List.of());
		story("user_c", "Amélie in Paris", "A café.", List.of());
		story("user_d", "Unrelated", "Nothing here.", List.of("Dragon Lore"));
		assertThat(titles(search("dragon", "stories"))).containsExactly("The Dragon's Keeper", "Unrelated",
				"Village Life");
		assertThat(titles(search("amelie", "stories"))).containsExactly("Amélie in Paris");
		assertThat(titles(search("\"quiet village\"", "stories"))).containsExactly("The Dragon's Keeper");
	}

	@Test
	void neverFindsDraftsDeletedOrBlockedContent() {
		String deleted = story("user_a", "Lost Lighthouse", "", List.of());
		story("user_b", "Blocked Lighthouse", "", List.of());
		story("user_c", "Open Lighthouse", "", List.of());
		this.api.post("/v1/stories").as("user_d").json(Map.of("title", "Draft Lighthouse")).send();
		this.api.delete("/v1/stories/" + deleted).as("user_a").send();
		this.api.post("/v1/users/" + this.fixtures.me("user_b").path("id").asString() + "/block")
			.as("user_viewer")
			.send();
		assertThat(titles(search("lighthouse", "stories"))).containsExactlyInAnyOrder("Blocked Lighthouse",
				"Open Lighthouse");
		assertThat(titles(this.api.get("/v1/search?q=lighthouse").as("user_viewer").send()))
			.containsExactly("Open Lighthouse");
	}

	@Test
	void findsUsersByHandleAndDisplayNameAndTagsByName() {
		this.api.put("/v1/me").as("user_x").json(Map.of("handle", "nightowl", "display_name", "Zoë Reader")).send();
		this.api.put("/v1/me").as("user_y").json(Map.of("handle", "earlybird", "display_name", "Sam")).send();
		List<String> handles = new ArrayList<>();
		search("night", "users").json().path("data").forEach((u) -> handles.add(u.path("handle").asString()));
		assertThat(handles).containsExactly("nightowl");
		List<String> byName = new ArrayList<>();
		search("zoe", "users").json().path("data").forEach((u) -> byName.add(u.path("handle").asString()));
		assertThat(byName).containsExactly("nightowl");
		story("user_x", "Tagged", "", List.of("Slow Burn", "Burnout"));
		List<String> tags = new ArrayList<>();
		search("burn", "tags").json().path("data").forEach((t) -> tags.add(t.path("slug").asString()));
		assertThat(tags).contains("slow-burn", "burnout");
	}

	@Test
	void rejectsEmptyOrOverlongQueriesAndUnknownTypes() {
		assertThat(this.api.get("/v1/search?q=").send().json().path("error").path("details").has("q")).isTrue();
		assertThat(this.api.get("/v1/search?q=%20%20").send().status()).isEqualTo(400);
		assertThat(this.api.get("/v1/search").send().status()).isEqualTo(400);
		assertThat(this.api.get("/v1/search?q=" + "x".repeat(201)).send().status()).isEqualTo(400);
		assertThat(this.api.get("/v1/search?q=x&type=planets").send().json().path("error").path("details").has("type"))
			.isTrue();
		assertThat(this.api.get("/v1/search?q=it's%20a%20(weird)%20%22query").send().status()).isEqualTo(200);
	}

	@Test
	void suggestsByPrefix() {
		story("user_a", "Moonlight Sonata", "", List.of("Moon Magic"));
		this.api.put("/v1/me").as("user_m").json(Map.of("handle", "moonwalker")).send();
		JsonNode suggestions = this.api.get("/v1/search/suggest?q=moo").send().json();
		assertThat(suggestions.path("stories").get(0).path("title").asString()).isEqualTo("Moonlight Sonata");
		assertThat(suggestions.path("users").get(0).path("handle").asString()).isEqualTo("moonwalker");
		assertThat(suggestions.path("tags").get(0).path("slug").asString()).isEqualTo("moon-magic");
		assertThat(suggestions.path("stories").get(0).has("author_id")).isFalse();
		// typed again (each keystroke asks): from the cache, without a pooled connection
		assertThat(this.statements.countConnections(() -> this.api.get("/v1/search/suggest?q=moo").send()))
			.as("pooled connections taken by a type-ahead served from memory")
			.isZero();
		assertThat(this.api.get("/v1/search/suggest?q=").send().status()).isEqualTo(400);
	}

	@Test
	void everySearchPlansItsStatementsForTheirValues() {
		story("user_a", "Moonlight Sonata", "", List.of("Moon Magic"));
		// the connections keep one plan per statement; a search term's best plan depends
		// on
		// how many rows it matches, so each search's transaction plans for its own values
		for (String path : List.of("/v1/search?q=moon", "/v1/search?q=moon&type=users", "/v1/search?q=moon&type=tags",
				"/v1/search/suggest?q=moo")) {
			List<String> sql = this.statements
				.capture(() -> assertThat(this.api.get(path).send().status()).isEqualTo(200))
				.stream()
				.map((query) -> query.getQuery().strip())
				.toList();
			assertThat(sql).as(path).contains("set local plan_cache_mode = force_custom_plan");
			assertThat(sql.indexOf("set local plan_cache_mode = force_custom_plan")).as(path)
				.isLessThan(indexOfFirstMatch(sql));
		}
	}

	/**
	 * The first statement that matches text: a pattern ({@code like}) or full text
	 * ({@code @@}).
	 */
	private static int indexOfFirstMatch(List<String> sql) {
		for (int i = 0; i < sql.size(); i++) {
			if (sql.get(i).contains(" like ") || sql.get(i).contains("@@")) {
				return i;
			}
		}
		return sql.size();
	}

	@Test
	void pagesThroughResultsInFixedStatements() {
		for (int i = 0; i < 7; i++) {
			story("user_w" + (i % 3), "Ocean Tale " + i, "ocean waves", List.of());
		}
		List<String> seen = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = this.api
				.get("/v1/search?q=ocean&page_size=3" + ((cursor != null) ? "&cursor=" + cursor : ""))
				.send()
				.json();
			page.path("data").forEach((s) -> seen.add(s.path("title").asString()));
			cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asString();
		}
		while (cursor != null);
		assertThat(seen).hasSize(7).doesNotHaveDuplicates();
		long one = this.statements.count(() -> search("ocean&page_size=1", "stories"));
		long seven = this.statements.count(() -> search("ocean&page_size=7", "stories"));
		assertThat(seven).isEqualTo(one);
	}

	@Test
	void anAnonymousFirstPageIsSharedForAMomentWithoutShowingWhatWasRemovedSince() {
		story("user_a", "Comet Tail", "", List.of());
		String trail = story("user_a", "Comet Trail", "", List.of());
		story("user_b", "Comet Dust", "", List.of());
		assertThat(titles(search("comet", "stories"))).containsExactly("Comet Dust", "Comet Trail", "Comet Tail");
		// the same first page again: its positions are shared, its stories cached
		assertThat(this.statements.capture(() -> assertThat(titles(search("comet", "stories")))
			.containsExactly("Comet Dust", "Comet Trail", "Comet Tail"))).isEmpty();
		String next = search("comet&page_size=1", "stories").json().path("next_cursor").asString();
		this.api.delete("/v1/stories/" + trail).as("user_a").send();
		assertThat(titles(search("comet", "stories"))).containsExactly("Comet Dust", "Comet Tail");
		// a later page goes on from the moment it is asked for
		assertThat(titles(search("comet&page_size=1&cursor=" + next, "stories"))).containsExactly("Comet Tail");
		// a signed-in reader's results are their own: searched each time
		assertThat(this.statements
			.capture(() -> assertThat(this.api.get("/v1/search?q=comet").as("user_c").send().status()).isEqualTo(200)))
			.anyMatch((query) -> query.getQuery().contains("@@"));
	}

	@Test
	void ranksTitleMatchesAboveOtherMatchesEvenWhenTheyAreNewer() {
		story("user_a", "Ember Crown", "A quiet tale.", List.of());
		story("user_b", "Cold Hearth", "Ember, ember, ember: embers everywhere, ember after ember.", List.of());
		story("user_c", "Still Water", "Nothing burns.", List.of("Ember"));
		assertThat(titles(search("ember", "stories"))).containsExactly("Ember Crown", "Still Water", "Cold Hearth");
	}

	@Test
	void ranksNewerFirstAmongTitleMatchesWhateverTheBlurbSays() {
		story("user_a", "Ember Road", "Ember, ember, ember, the embers of ember.", List.of("Ember"));
		story("user_b", "Ember Song", "A quiet tale.", List.of());
		story("user_c", "Ember Tide", "", List.of());
		assertThat(titles(search("ember", "stories"))).containsExactly("Ember Tide", "Ember Song", "Ember Road");
	}

	@Test
	void pagesAcrossTheTitleTierWithoutDuplicatesOrGaps() {
		for (int i = 0; i < 3; i++) {
			story("user_t" + i, "Glacier " + i, "", List.of());
		}
		for (int i = 0; i < 4; i++) {
			story("user_b" + i, "Tale " + i, "under the glacier", List.of());
		}
		List<String> expected = List.of("Glacier 2", "Glacier 1", "Glacier 0", "Tale 3", "Tale 2", "Tale 1", "Tale 0");
		for (int size : new int[] { 1, 2, 3, 4 }) {
			List<String> seen = new ArrayList<>();
			String cursor = null;
			do {
				JsonNode page = this.api
					.get("/v1/search?q=glacier&page_size=" + size + ((cursor != null) ? "&cursor=" + cursor : ""))
					.send()
					.json();
				page.path("data").forEach((s) -> seen.add(s.path("title").asString()));
				cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asString();
			}
			while (cursor != null);
			assertThat(seen).as("page size %d", size).isEqualTo(expected);
		}
		String intoOtherMatches = this.api.get("/v1/search?q=glacier&page_size=4")
			.send()
			.json()
			.path("next_cursor")
			.asString();
		// searched for a signed-in reader, the first page costs what the next one does
		this.fixtures.me("user_reader");
		long first = this.statements
			.count(() -> this.api.get("/v1/search?q=glacier&page_size=4").as("user_reader").send());
		long next = this.statements
			.count(() -> this.api.get("/v1/search?q=glacier&page_size=4&cursor=" + intoOtherMatches)
				.as("user_reader")
				.send());
		assertThat(next).isEqualTo(first);
	}

	@Test
	void answersCommonAndRareQueriesAlikeWhenRepeatedPastThePreparedStatementThreshold() {
		for (int i = 0; i < 6; i++) {
			story("user_w" + (i % 3), "Harbor " + i, "fog and harbor lights", List.of());
		}
		story("user_z", "Zephyr", "harbor winds", List.of());
		for (int round = 0; round < 12; round++) {
			assertThat(titles(search("harbor", "stories"))).hasSize(7).startsWith("Harbor 5").endsWith("Zephyr");
			assertThat(titles(search("zephyr", "stories"))).containsExactly("Zephyr");
		}
	}

	@Test
	void findsRareMatchesOlderThanTheFeedWindowAndCommonOnesWithin() {
		bulkStories("user_bulk");
		assertThat(titles(search("quasar", "stories"))).containsExactly("Quasar Bulk");
		assertThat(titles(search("bulk&page_size=2", "stories"))).containsExactly("Bulk 1", "Bulk 2");
		assertThat(titles(search("filler&page_size=2", "stories"))).containsExactly("Bulk 1", "Bulk 2");
	}

	@Test
	void aCommonQueryReadsTheFeedWindowOnceForBothTiers() {
		bulkStories("user_bulk");
		List<QueryInfo> statements = this.statements
			.capture(() -> assertThat(titles(search("filler&page_size=20", "stories"))).hasSize(20)
				.startsWith("Bulk 1", "Bulk 2"));
		QueryInfo hits = statements.stream()
			.filter((statement) -> statement.getQuery().contains("as materialized"))
			.findFirst()
			.orElseThrow();
		// run as search runs it (planned for its parameters each time): the title tier
		// and
		// the other matches share the newest stories they look through, and the title
		// tier's index finds no title to add
		assertThat(QueryPlans.rowsReadWhenReused(this.dataSource, hits, "stories", 8, "force_custom_plan"))
			.isLessThanOrEqualTo(StorySearchQueries.WINDOW + 100);
	}

	/**
	 * More stories than the search window, newest first {@code Bulk 1}, {@code Bulk 2},
	 * ..., all with {@code filler} in their blurb; one is titled {@code Quasar Bulk}.
	 * @param author who wrote them
	 */
	private void bulkStories(String author) {
		String authorId = this.fixtures.me(author).path("id").asString();
		this.jdbc.sql("""
				insert into stories (slug, title, blurb, author_id, published, published_at, search_vector)
				select 'bulk-' || g, case when g = :n then 'Quasar Bulk' else 'Bulk ' || g end, 'filler',
				       :author::uuid, true, now() - g * interval '1 minute',
				       to_tsvector('english', case when g = :n then 'Quasar Bulk' else 'Bulk ' || g end || ' filler')
				from generate_series(1, :n) g""")
			.param("n", StorySearchQueries.WINDOW + 50)
			.param("author", authorId)
			.update();
		// the planner knows them, as autovacuum soon tells it in a running service
		this.jdbc.sql("analyze stories").update();
	}

	private String story(String author, String title, String blurb, List<String> tags) {
		Api.Reply created = this.api.post("/v1/stories")
			.as(author)
			.json(Map.of("title", title, "blurb", blurb, "tags", tags))
			.send();
		String id = created.json().path("id").asString();
		this.api.post("/v1/stories/" + id + "/publish").as(author).send();
		return id;
	}

	private Api.Reply search(String q, String type) {
		return this.api.get("/v1/search?q=" + q.replace(" ", "%20").replace("\"", "%22") + "&type=" + type).send();
	}

	private static List<String> titles(Api.Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		List<String> titles = new ArrayList<>();
		reply.json().path("data").forEach((s) -> titles.add(s.path("title").asString()));
		return titles;
	}

}
