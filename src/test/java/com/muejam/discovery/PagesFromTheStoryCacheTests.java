package com.muejam.discovery;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.muejam.core.cache.CacheNames;
import com.muejam.stories.StoryService;
import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;
import com.muejam.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages of stories by id (Trending, search, For You) read each story from the story
 * cache, and only the stories it does not hold from the database, in one statement; every
 * write to a story on a page shows in the page's next read.
 */
@IntegrationTest
class PagesFromTheStoryCacheTests {

	private static final String TRENDING = "/v1/discover?tab=trending";

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DiscoveryJobs jobs;

	@Autowired
	StatementCounter statements;

	@Autowired
	CacheManager caches;

	@Autowired
	StoryService stories;

	@BeforeEach
	void forgetCachedStories() {
		this.caches.getCache(CacheNames.STORIES).clear();
	}

	@Test
	void aTrendingPageReadsOnlyTheStoriesTheCacheDoesNotHold() {
		String author = "user_cached_trend_writer";
		String busy = fixtures().publishedStory(author, "Cached Trend Busy", List.of());
		String quiet = fixtures().publishedStory(author, "Cached Trend Quiet", List.of());
		engage(busy, 3);
		engage(quiet, 1);
		this.jobs.recomputeTrending();
		assertThat(titles(fixtures().read(TRENDING))).containsSubsequence("Cached Trend Busy", "Cached Trend Quiet");
		assertThat(this.statements.capture(() -> fixtures().read(TRENDING))).isEmpty();
		assertThat(this.statements.countConnections(() -> fixtures().read(TRENDING)))
			.as("pooled connections taken by a page served from memory")
			.isZero();
		// an edit evicts its story alone: the next page reads that one, and shows it
		fixtures().editStory(author, busy, Map.of("title", "Cached Trend Retitled"));
		List<String> sql = this.statements
			.capture(() -> assertThat(titles(fixtures().read(TRENDING)))
				.containsSubsequence("Cached Trend Retitled", "Cached Trend Quiet")
				.doesNotContain("Cached Trend Busy"))
			.stream()
			.map((query) -> query.getQuery())
			.toList();
		assertThat(sql).hasSize(1);
		assertThat(this.statements.capture(() -> fixtures().read(TRENDING))).isEmpty();
		// a rating above what signed-out readers see, a moderator's hiding
		fixtures().editStory(author, quiet, Map.of("rating", "explicit"));
		assertThat(titles(fixtures().read(TRENDING))).doesNotContain("Cached Trend Quiet");
		assertThat(this.stories.hide(UUID.fromString(busy))).isPresent();
		assertThat(titles(fixtures().read(TRENDING))).doesNotContain("Cached Trend Retitled");
	}

	@Test
	void aStoryCachedByItsOwnReadServesThePageAndAPageFillsTheCacheForTheRead() {
		String author = "user_cached_page_writer";
		String read = fixtures().publishedStory(author, "Cachedpage Alpha", List.of());
		String listed = fixtures().publishedStory(author, "Cachedpage Beta", List.of());
		assertThat(this.api.get("/v1/stories/" + read).send().status()).isEqualTo(200);
		// the search reads its hits and the story the read did not cache
		List<String> sql = this.statements.capture(() -> fixtures().read("/v1/search?q=cachedpage"))
			.stream()
			.map((query) -> query.getQuery())
			.filter((query) -> query.contains("s.id = any("))
			.toList();
		assertThat(sql).hasSize(1);
		assertThat(this.statements.capture(() -> fixtures().read("/v1/search?q=cachedpage"))).isEmpty();
		assertThat(this.statements.capture(() -> this.api.get("/v1/stories/" + listed).send())).isEmpty();
		// the author's new title shows in the next search
		fixtures().editStory(author, listed, Map.of("title", "Cachedpage Gamma"));
		assertThat(titles(fixtures().read("/v1/search?q=cachedpage"))).contains("Cachedpage Gamma")
			.doesNotContain("Cachedpage Beta");
	}

	private void engage(String storyId, int times) {
		this.jdbc.sql("""
				insert into story_engagements (story_id, kind, created_at)
				select :story::uuid, 'SAVE', now() - interval '1 hour' from generate_series(1, :times)""")
			.param("story", storyId)
			.param("times", times)
			.update();
	}

	private static List<String> titles(JsonNode page) {
		return page.path("data").valueStream().map((story) -> story.path("title").asString()).toList();
	}

	private Fixtures fixtures() {
		return new Fixtures(this.api);
	}

}
