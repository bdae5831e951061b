package com.muejam.stories;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.QueryInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.muejam.support.EventsHandled;
import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;
import com.muejam.support.QueryPlans;
import com.muejam.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What reading stories costs the database: a story or chapter read that misses the cache
 * is one statement without a transaction, and a page of stories costs the same whatever
 * its depth: its positions, and the stories the cache does not hold.
 */
@IntegrationTest
class StoryReadCostTests {

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatementCounter statements;

	@Autowired
	CacheManager caches;

	@Autowired
	DataSource dataSource;

	private String storyId;

	private String chapterId;

	@BeforeEach
	void storiesWithTagsAndChapters() {
		Fixtures.Published published = this.fixtures.publishedChapter("user_writer", "Lighthouse", "The lamp.");
		this.storyId = published.storyId();
		this.chapterId = published.chapterId();
		this.api.put("/v1/stories/" + this.storyId)
			.as("user_writer")
			.json(Map.of("tags", List.of("Sea", "Night")))
			.send();
		this.fixtures.chapter("user_writer", this.storyId, "Draft", "Not yet.");
		for (int i = 0; i < 5; i++) {
			this.fixtures.publishedStory("user_other_" + (i % 2), "Other " + i, List.of("Sea"));
		}
		awaitQuiet();
	}

	@Test
	void anUncachedStoryReadIsOneStatementWithoutATransaction() {
		Runnable bySlug = () -> {
			clearCaches();
			Api.Reply reply = this.api.get("/v1/stories/lighthouse").send();
			assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
			assertThat(reply.json().path("chapter_count").asInt()).isEqualTo(1);
			assertThat(reply.json().path("tags").size()).isEqualTo(2);
			assertThat(reply.json().path("author").path("handle").asString()).isNotBlank();
		};
		assertThat(this.statements.count(bySlug)).isEqualTo(1);
		assertThat(this.statements.countTransactions(bySlug)).isZero();
		Runnable byId = () -> {
			clearCaches();
			assertThat(this.api.get("/v1/stories/" + this.storyId).send().json().path("slug").asString())
				.isEqualTo("lighthouse");
		};
		assertThat(this.statements.count(byId)).isEqualTo(1);
		assertThat(this.statements.countTransactions(byId)).isZero();
	}

	@Test
	void aSignedInUncachedReadCostsOneStatementMoreThanACachedOne() {
		String token = this.api.token("user_reader");
		this.api.get("/v1/me").bearer(token).send();
		awaitQuiet();
		// a cached read by a returning user: nothing, the sign-in (with the caller's
		// blocks) is remembered
		long cached = this.statements.count(() -> this.api.get("/v1/stories/lighthouse").bearer(token).send());
		assertThat(cached).isZero();
		long uncached = this.statements.count(() -> {
			clearCaches();
			assertThat(this.api.get("/v1/stories/lighthouse").bearer(token).send().status()).isEqualTo(200);
		});
		assertThat(uncached).isEqualTo(cached + 1);
		long own = this.statements.count(() -> {
			Api.Reply reply = this.api.get("/v1/stories/lighthouse").as("user_writer").send();
			assertThat(reply.json().path("chapter_count").asInt()).isEqualTo(2);
		});
		// the author's own story costs the same
		assertThat(own).isEqualTo(uncached);
	}

	@Test
	void storyReadsAndPagesReadOnlyTheStoryRowsAndTheirAuthors() {
		// a story read, and the first page signed-out readers share, read in one
		// statement
		for (String path : List.of("/v1/stories/lighthouse", "/v1/stories/" + this.storyId,
				"/v1/stories?page_size=20")) {
			List<QueryInfo> statements = this.statements.capture(() -> {
				clearCaches();
				Api.Reply reply = this.api.get(path).send();
				assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
			});
			assertThat(statements).as(path).hasSize(1);
			assertThat(QueryPlans.tablesRead(this.dataSource, statements.get(0))).as(path)
				.containsOnly("stories", "user_profiles");
		}
		// another page reads its positions from the story rows (an author's page finds
		// the
		// author by handle), then the stories the cache does not hold with their authors
		String page = "/v1/stories?page_size=20&author=" + handleOf("user_other_0");
		List<QueryInfo> statements = this.statements.capture(() -> {
			clearCaches();
			assertThat(this.api.get(page).send().status()).isEqualTo(200);
		});
		assertThat(statements).hasSize(2);
		assertThat(QueryPlans.tablesRead(this.dataSource, statements.get(0))).containsOnly("stories", "user_profiles");
		assertThat(QueryPlans.tablesRead(this.dataSource, statements.get(1))).containsOnly("stories", "user_profiles");
	}

	@Test
	void anUncachedChapterReadIsOneStatementWithoutATransaction() {
		Runnable read = () -> {
			clearCaches();
			Api.Reply reply = this.api.get("/v1/chapters/" + this.chapterId).send();
			assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
			assertThat(reply.json().path("content").asString()).isEqualTo("The lamp.");
		};
		assertThat(this.statements.count(read)).isEqualTo(1);
		assertThat(this.statements.countTransactions(read)).isZero();
	}

	@Test
	void aPageOfStoriesCostsTheSameAtAnyDepth() {
		for (String query : List.of("", "&tag=sea", "&author=" + handleOf("user_other_0"))) {
			String first = "/v1/stories?page_size=2" + query;
			String cursor = this.api.get(first).send().json().path("next_cursor").asString();
			String later = first + "&cursor=" + cursor;
			Runnable laterPage = () -> {
				Api.Reply reply = this.api.get(later).send();
				assertThat(reply.status()).isEqualTo(200);
				assertThat(reply.json().path("data").size()).isPositive();
			};
			Runnable uncachedLaterPage = () -> {
				clearCaches();
				laterPage.run();
			};
			// the page's positions, and its stories the cache does not hold; then the
			// positions alone
			assertThat(this.statements.count(uncachedLaterPage)).as(query).isEqualTo(2);
			assertThat(this.statements.count(laterPage)).as(query).isEqualTo(1);
			assertThat(this.statements.countTransactions(uncachedLaterPage)).as(query).isZero();
			if (!query.isEmpty()) {
				Runnable firstPage = () -> assertThat(this.api.get(first).send().status()).isEqualTo(200);
				Runnable uncachedFirstPage = () -> {
					clearCaches();
					firstPage.run();
				};
				assertThat(this.statements.count(uncachedFirstPage)).as(query).isEqualTo(2);
				assertThat(this.statements.count(firstPage)).as(query).isEqualTo(1);
			}
		}
	}

	@Test
	void storyReadsAndPagesArePlannedOnceAndThePlanReused() {
		for (String path : List.of("/v1/stories/lighthouse", "/v1/stories?page_size=20",
				"/v1/stories?page_size=20&tag=sea")) {
			List<QueryInfo> statements = this.statements.capture(() -> {
				clearCaches();
				assertThat(this.api.get(path).send().status()).isEqualTo(200);
			});
			QueryPlans.PlanChoices plans = QueryPlans.planChoices(this.dataSource, statements.get(0), 10);
			assertThat(plans.custom()).as(path).isZero();
			assertThat(plans.generic()).as(path).isPositive();
		}
	}

	@Test
	void aPageOfTheAuthorsOwnStoriesIsOneStatementAtAnyDepth() {
		for (int i = 0; i < 3; i++) {
			this.api.post("/v1/stories").as("user_writer").json(Map.of("title", "Draft " + i)).send();
		}
		awaitQuiet();
		String token = this.api.token("user_writer");
		String cursor = this.api.get("/v1/me/stories?page_size=2")
			.bearer(token)
			.send()
			.json()
			.path("next_cursor")
			.asString();
		// their own story read: sign-in and read, as the list's first page
		long ownRead = this.statements.count(() -> this.api.get("/v1/stories/lighthouse").bearer(token).send());
		long first = this.statements.count(() -> this.api.get("/v1/me/stories?page_size=2").bearer(token).send());
		long later = this.statements
			.count(() -> this.api.get("/v1/me/stories?page_size=2&cursor=" + cursor).bearer(token).send());
		assertThat(first).isEqualTo(ownRead);
		assertThat(later).isEqualTo(first);
	}

	private String handleOf(String subject) {
		return this.fixtures.me(subject).path("handle").asString();
	}

	private void clearCaches() {
		this.caches.getCacheNames().forEach((name) -> this.caches.getCache(name).clear());
	}

	private void awaitQuiet() {
		EventsHandled.await(this.jdbc);
	}

}
