package com.muejam;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.QueryInfo;

import org.junit.jupiter.api.BeforeEach;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import com.muejam.support.EventsHandled;
import com.muejam.core.cache.CacheNames;
import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;
import com.muejam.support.QueryPlans;
import com.muejam.support.StatementCounter;
import com.muejam.users.SignInMemory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every list costs a fixed number of statements, the same on a later page as on the
 * first: the counts below are the promise (for a returning user, whose sign-in is
 * remembered; a first sign-in on an instance is one statement more).
 */
@IntegrationTest
class ListCostTests {

	private static final String READER = "user_reader";

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatementCounter statements;

	@Autowired
	SignInMemory signIns;

	@Autowired
	CacheManager caches;

	@Autowired
	DataSource dataSource;

	private final List<String> chapters = new ArrayList<>();

	private final List<String> stories = new ArrayList<>();

	private String readerId = "";

	private String shelfId = "";

	private String whisperId = "";

	@BeforeEach
	void aReaderWithALibrary() {
		this.readerId = this.fixtures.me(READER).path("id").asString();
		for (int i = 0; i < 3; i++) {
			Fixtures.Published published = this.fixtures.publishedChapter("user_author_" + i, "Tale " + i,
					"The lamp burns all night long, " + i);
			this.stories.add(published.storyId());
			this.chapters.add(published.chapterId());
		}
		for (int i = 0; i < 3; i++) {
			this.shelfId = ok(this.api.post("/v1/library/shelves").as(READER).json(Map.of("name", "Shelf " + i)).send())
				.path("id")
				.asString();
		}
		for (String story : this.stories) {
			ok(this.api.post("/v1/library/shelves/" + this.shelfId + "/items")
				.as(READER)
				.json(Map.of("story_id", story))
				.send());
		}
		String chapter = this.chapters.getFirst();
		for (int i = 0; i < 3; i++) {
			String current = this.chapters.get(i);
			ok(this.api.post("/v1/chapters/" + current + "/progress").as(READER).json(Map.of("offset", 3)).send());
			ok(this.api.post("/v1/chapters/" + chapter + "/bookmarks").as(READER).json(Map.of("offset", i)).send());
			ok(this.api.post("/v1/chapters/" + chapter + "/highlights")
				.as(READER)
				.json(Map.of("start_offset", i, "end_offset", i + 4))
				.send());
			String follower = "user_fan_" + i;
			this.fixtures.me(follower);
			ok(this.api.post("/v1/users/" + this.readerId + "/follow").as(follower).send());
			ok(this.api.post("/v1/users/" + idOf("user_author_" + i) + "/follow").as(READER).send());
			ok(this.api.post("/v1/reports")
				.as(READER)
				.json(Map.of("reason", "Spam " + i, "story_id", this.stories.get(i)))
				.send());
		}
		String whisper = ok(
				this.api.post("/v1/whispers").as(READER).json(Map.of("content", "Root", "scope", "GLOBAL")).send())
			.path("id")
			.asString();
		for (int i = 0; i < 3; i++) {
			ok(this.api.post("/v1/whispers")
				.as(READER)
				.json(Map.of("content", "Hello " + i, "scope", "GLOBAL"))
				.send());
			ok(this.api.post("/v1/whispers/" + whisper + "/replies")
				.as("user_fan_" + i)
				.json(Map.of("content", "Reply " + i))
				.send());
		}
		this.whisperId = whisper;
		EventsHandled.await(this.jdbc);
	}

	@Test
	void pagesOfTheReadersListsCostTheSameAtAnyDepth() {
		String token = this.api.token(READER);
		String chapter = "/v1/chapters/" + this.chapters.getFirst();
		// statements per page of a returning user, whose sign-in (with their blocks and
		// mutes) is remembered
		Map<String, Long> promised = new LinkedHashMap<>();
		promised.put("/v1/library/shelves", 1L);
		promised.put("/v1/library/shelves/" + this.shelfId + "/items", 1L);
		promised.put("/v1/library/reading", 1L);
		promised.put(chapter + "/bookmarks", 2L);
		promised.put(chapter + "/highlights", 2L);
		promised.put("/v1/notifications", 2L);
		promised.put("/v1/users/" + this.readerId + "/followers", 3L);
		promised.put("/v1/users/" + this.readerId + "/following", 3L);
		promised.put("/v1/whispers", 3L);
		promised.put("/v1/whispers/" + this.whisperId + "/replies", 4L);
		promised.put("/v1/reports/mine", 1L);
		promised.put("/v1/discover?tab=new", 1L);
		SoftAssertions.assertSoftly((soft) -> promised
			.forEach((list, cost) -> soft.assertThat(costAtAnyDepth(list, token, true)).as(list).isEqualTo(cost)));
		assertThat(costAtAnyDepth("/v1/moderation/reports", this.api.token("user_moderator", "moderator"), true))
			.isEqualTo(1L);
	}

	@Test
	void theReadersLibraryPagesRunWithoutATransaction() {
		String token = this.api.token(READER);
		for (String list : List.of("/v1/library/shelves/" + this.shelfId + "/items", "/v1/library/reading")) {
			Runnable page = () -> assertThat(this.api.get(list).bearer(token).send().status()).as(list).isEqualTo(200);
			assertThat(this.statements.countTransactions(page)).as(list).isZero();
		}
	}

	@Test
	void theReadersLibraryPagesTakeTheirStoriesFromTheCache() {
		String token = this.api.token(READER);
		for (String list : List.of("/v1/library/shelves/" + this.shelfId + "/items", "/v1/library/reading")) {
			Runnable page = () -> assertThat(this.api.get(list).bearer(token).send().status()).as(list).isEqualTo(200);
			Runnable uncached = () -> {
				this.caches.getCache(CacheNames.STORIES).clear();
				page.run();
			};
			// the page with its stories' ids, then the stories with their authors
			List<QueryInfo> missed = this.statements.capture(uncached);
			assertThat(missed).as(list).hasSize(2);
			assertThat(QueryPlans.tablesRead(this.dataSource, missed.get(0))).as(list).doesNotContain("user_profiles");
			assertThat(QueryPlans.tablesRead(this.dataSource, missed.get(1))).as(list)
				.containsOnly("stories", "user_profiles");
			assertThat(this.statements.count(uncached)).as(list).isEqualTo(2);
			// the page alone
			assertThat(this.statements.count(page)).as(list).isOne();
		}
	}

	@Test
	void rankedDiscoverTabsCostAFixedNumberOfStatements() {
		String token = this.api.token(READER);
		// no ranking job has run: trending is empty and For You falls back to it, one
		// page, from the ranking cache; the sign-in is remembered
		assertThat(costAtAnyDepth("/v1/discover?tab=trending", token, false)).isZero();
		assertThat(costAtAnyDepth("/v1/discover?tab=for_you", token, false)).isZero();
	}

	@Test
	void discoverNewIsOneStatementWithoutATransactionForAnonymousReaders() {
		Runnable newest = () -> assertThat(this.api.get("/v1/discover?tab=new").send().status()).isEqualTo(200);
		// the first page signed-out readers share, when it is not cached
		Runnable missed = () -> {
			this.caches.getCache(CacheNames.FRONT_PAGE).clear();
			newest.run();
		};
		assertThat(this.statements.count(missed)).isOne();
		assertThat(this.statements.countTransactions(missed)).isZero();
		assertThat(this.statements.count(newest)).isZero();
	}

	@Test
	void signingInIsOneStatementWithoutATransaction() {
		String token = this.api.token(READER);
		Runnable newest = () -> {
			// as on the user's first request to this instance
			this.signIns.forgetAll();
			assertThat(this.api.get("/v1/discover?tab=new").bearer(token).send().status()).isEqualTo(200);
		};
		// the sign-in, with the caller's blocks and mutes, and the page
		assertThat(this.statements.count(newest)).isEqualTo(2L);
		assertThat(this.statements.countTransactions(newest)).isZero();
	}

	@Test
	void aReturningUserSignsInFromMemory() {
		String token = this.api.token(READER);
		Runnable newest = () -> assertThat(this.api.get("/v1/discover?tab=new").bearer(token).send().status())
			.isEqualTo(200);
		newest.run();
		// the page alone
		assertThat(this.statements.count(newest)).isOne();
	}

	private long costAtAnyDepth(String list, String token, boolean hasMore) {
		String first = list + (list.contains("?") ? "&" : "?") + "page_size=1";
		Api.Reply page = this.api.get(first).bearer(token).send();
		assertThat(page.status()).as(first + " " + page).isEqualTo(200);
		long firstCost = this.statements.count(() -> this.api.get(first).bearer(token).send());
		String cursor = page.json().path("next_cursor").asString(null);
		assertThat(cursor != null).as(first + " has a next page").isEqualTo(hasMore);
		if (cursor != null) {
			String later = first + "&cursor=" + cursor;
			long laterCost = this.statements.count(() -> {
				Api.Reply reply = this.api.get(later).bearer(token).send();
				assertThat(reply.status()).as(later + " " + reply).isEqualTo(200);
				assertThat(reply.json().path("data").size()).as(later).isOne();
			});
			assertThat(laterCost).as(later).isEqualTo(firstCost);
		}
		return firstCost;
	}

	private String idOf(String subject) {
		return this.fixtures.me(subject).path("id").asString();
	}

	private static tools.jackson.databind.JsonNode ok(Api.Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isBetween(200, 201);
		return reply.json();
	}

}
