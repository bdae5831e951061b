package com.muejam.discovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.muejam.support.EventsHandled;
import com.muejam.core.cache.CacheNames;
import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;
import com.muejam.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class DiscoveryTests {

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DiscoveryJobs jobs;

	@Autowired
	StatementCounter statements;

	@Autowired
	CacheManager caches;

	@Test
	void newTabListsTheNewestPublishedStories() {
		this.fixtures.publishedStory("user_a", "Older", List.of());
		this.fixtures.publishedStory("user_b", "Newer", List.of());
		this.api.post("/v1/stories").as("user_c").json(Map.of("title", "Draft")).send();
		assertThat(titles(this.api.get("/v1/discover?tab=new").send())).containsExactly("Newer", "Older");
		assertThat(titles(this.api.get("/v1/discover").send())).containsExactly("Newer", "Older");
	}

	@Test
	void dailyStatsHoldOnlyTheCountersTheSignalsWrite() {
		List<String> columns = this.jdbc.sql("""
				select column_name from information_schema.columns
				where table_schema = current_schema() and table_name = 'story_stats_daily'""")
			.query(String.class)
			.list();
		assertThat(columns).containsExactlyInAnyOrder("id", "story_id", "date", "saves_count", "reads_count",
				"likes_count", "whispers_count", "chapter_reads_count", "completions_count");
	}

	@Test
	void signalsFeedDailyStatsAndInterests() {
		Fixtures.Published published = this.fixtures.publishedChapter("user_author", "Signals", "x".repeat(100));
		String shelf = this.api.post("/v1/library/shelves")
			.as("user_reader")
			.json(Map.of("name", "S"))
			.send()
			.json()
			.path("id")
			.asString();
		this.api.post("/v1/library/shelves/" + shelf + "/items")
			.as("user_reader")
			.json(Map.of("story_id", published.storyId()))
			.send();
		this.api.post("/v1/chapters/" + published.chapterId() + "/progress")
			.as("user_reader")
			.json(Map.of("offset", 95))
			.send();
		this.api.post("/v1/whispers")
			.as("user_reader")
			.json(Map.of("content", "Wow", "scope", "STORY", "story_id", published.storyId()))
			.send();
		await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
			Map<String, Object> stats = this.jdbc.sql("select * from story_stats_daily where story_id = :s::uuid")
				.param("s", published.storyId())
				.query()
				.singleRow();
			assertThat(stats).containsEntry("saves_count", 1)
				.containsEntry("reads_count", 1)
				.containsEntry("whispers_count", 1);
			Double authorInterest = this.jdbc.sql("""
					select score from user_interests i join user_profiles u on u.id = i.user_id
					where u.clerk_user_id = 'user_reader' and i.author_id is not null""").query(Double.class).single();
			// save 3.0 + read 1.0 + complete read 2.5
			assertThat(authorInterest).isEqualTo(6.5);
		});
	}

	@Test
	void aSignalIsOneStatementThatCountsTheDayAndTheInterests() {
		String story = this.fixtures.publishedStory("user_author", "Saved Once", List.of("Cozy", "Quiet"));
		String shelf = shelf("user_reader");
		List<String> signalStatements = signalStatements(() -> this.api.post("/v1/library/shelves/" + shelf + "/items")
			.as("user_reader")
			.json(Map.of("story_id", story))
			.send());
		assertThat(signalStatements).hasSize(1);
		assertThat(stats(story)).containsEntry("saves_count", 1);
		assertThat(this.jdbc
			.sql("""
					select count(*) filter (where tag_id is not null) as tags, sum(score) filter (where author_id is not null) as author
					from user_interests i join user_profiles u on u.id = i.user_id where u.clerk_user_id = 'user_reader'""")
			.query()
			.singleRow()).containsEntry("tags", 2L).containsEntry("author", 3.0);
		assertThat(this.jdbc.sql("""
				select saves_count from author_stats_daily a join user_profiles u on u.id = a.author_id
				where u.clerk_user_id = 'user_author'""").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aChaptersFirstReadOfTheDayIsOneStatementOfSignalsAndStats() {
		Fixtures.Published published = this.fixtures.publishedChapter("user_author", "Read Once", "x".repeat(100));
		this.api.get("/v1/me").as("user_reader").send();
		List<String> signalStatements = signalStatements(
				() -> this.api.post("/v1/chapters/" + published.chapterId() + "/progress")
					.as("user_reader")
					.json(Map.of("offset", 10))
					.send());
		// the read's signal with the chapter's read and its distinct reader
		assertThat(signalStatements).hasSize(1);
		assertThat(stats(published.storyId())).containsEntry("reads_count", 1).containsEntry("chapter_reads_count", 1);
		assertThat(this.jdbc.sql("select readers from chapter_stats where chapter_id = :c::uuid")
			.param("c", published.chapterId())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("""
				select chapter_reads_count from author_stats_daily a join user_profiles u on u.id = a.author_id
				where u.clerk_user_id = 'user_author'""").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void trendingRanksByRecentEngagementAndLeavesOutDeletedAndBlocked() {
		String quiet = this.fixtures.publishedStory("user_w1", "Quiet", List.of());
		String busy = this.fixtures.publishedStory("user_w2", "Busy", List.of());
		String gone = this.fixtures.publishedStory("user_w3", "Gone", List.of());
		engage(quiet, "READ", 1, 1);
		engage(busy, "SAVE", 5, 1);
		engage(gone, "SAVE", 9, 1);
		this.api.delete("/v1/stories/" + gone).as("user_w3").send();
		assertThat(this.jobs.recomputeTrending()).isEqualTo(3);
		assertThat(titles(this.api.get("/v1/discover?tab=trending").send())).containsExactly("Busy", "Quiet");
		this.api.post("/v1/users/" + this.fixtures.me("user_w2").path("id").asString() + "/block")
			.as("user_viewer")
			.send();
		assertThat(titles(this.api.get("/v1/discover?tab=trending").as("user_viewer").send())).containsExactly("Quiet");
	}

	@Test
	void olderEngagementCountsLess() {
		String fresh = this.fixtures.publishedStory("user_w1", "Fresh Buzz", List.of());
		String stale = this.fixtures.publishedStory("user_w2", "Stale Buzz", List.of());
		engage(fresh, "LIKE", 3, 1);
		engage(stale, "LIKE", 3, 20);
		this.jobs.recomputeTrending();
		assertThat(titles(this.api.get("/v1/discover?tab=trending").send())).containsExactly("Fresh Buzz",
				"Stale Buzz");
		double freshScore = score(fresh);
		double staleScore = score(stale);
		assertThat(staleScore / freshScore).isCloseTo(Math.pow(0.98, 19), org.assertj.core.data.Offset.offset(0.01));
	}

	@Test
	void forYouNeedsATokenAndStartsFromTrending() {
		assertThat(this.api.get("/v1/discover?tab=for_you").send().status()).isEqualTo(401);
		String story = this.fixtures.publishedStory("user_w1", "Everyone Reads", List.of());
		engage(story, "SAVE", 2, 1);
		this.jobs.recomputeTrending();
		JsonNode items = this.api.get("/v1/discover?tab=for_you").as("user_newbie").send().json().path("data");
		assertThat(items.get(0).path("title").asString()).isEqualTo("Everyone Reads");
		assertThat(items.get(0).path("reason").path("kind").asString()).isEqualTo("TRENDING");
		assertThat(this.api.get("/v1/discover?tab=sideways").send().status()).isEqualTo(400);
		// a cold start is not cached: the first interests count at once
		this.fixtures.publishedStory("user_w2", "Quiet Dragon", List.of("Fantasy"));
		String newbie = this.fixtures.me("user_newbie").path("id").asString();
		interest(newbie, "Fantasy", 5);
		interest(newbie, "Mystery", 1);
		this.jdbc.sql("""
				insert into user_interests (user_id, author_id, score)
				select :u::uuid, id, 8 from user_profiles where clerk_user_id = 'user_w2'""")
			.param("u", newbie)
			.update();
		items = this.api.get("/v1/discover?tab=for_you").as("user_newbie").send().json().path("data");
		assertThat(titlesOf(items)).containsExactly("Quiet Dragon", "Everyone Reads");
		// the author interest (8) outweighs the tag's (5)
		assertThat(items.get(0).path("reason").path("kind").asString()).isEqualTo("AUTHOR");
		assertThat(items.get(0).path("reason").path("label").asString())
			.isEqualTo(this.fixtures.me("user_w2").path("handle").asString());
		assertThat(items.get(1).path("reason").path("kind").asString()).isEqualTo("TRENDING");
	}

	@Test
	void forYouFollowsInterestsAndLeavesOutOwnAndShelvedStories() {
		String fantasy = this.fixtures.publishedStory("user_w1", "Dragon Tale", List.of("Fantasy"));
		String mystery = this.fixtures.publishedStory("user_w2", "Whodunit", List.of("Mystery"));
		String shelved = this.fixtures.publishedStory("user_w3", "Dragon Shelf", List.of("Fantasy"));
		this.fixtures.publishedStory("user_reader", "My Own Dragon", List.of("Fantasy"));
		String reader = this.fixtures.me("user_reader").path("id").asString();
		interest(reader, "Fantasy", 10);
		interest(reader, "Mystery", 1);
		interest(reader, "Romance", 1);
		JsonNode items = this.api.get("/v1/discover?tab=for_you").as("user_reader").send().json().path("data");
		// both Fantasy stories first (the newer ahead: freshness), then the Mystery one;
		// never the reader's own
		assertThat(titlesOf(items)).containsExactly("Dragon Shelf", "Dragon Tale", "Whodunit");
		assertThat(items.get(0).path("reason").path("kind").asString()).isEqualTo("TAG");
		assertThat(items.get(0).path("reason").path("label").asString()).isEqualTo("Fantasy");
		// ranking runs in a read-only transaction, which a read replica serves when there
		// is one
		assertThat(this.statements.countTransactions(() -> {
			this.caches.getCache(CacheNames.FOR_YOU).clear();
			this.api.get("/v1/discover?tab=for_you").as("user_reader").send();
		})).isEqualTo(1);
		// the ranking and its stories are cached now, and so is the reader's sign-in
		assertThat(this.statements
			.countConnections(() -> this.api.get("/v1/discover?tab=for_you").as("user_reader").send()))
			.as("pooled connections taken by a page served from memory")
			.isZero();
		String shelf = this.api.post("/v1/library/shelves")
			.as("user_reader")
			.json(Map.of("name", "Mine"))
			.send()
			.json()
			.path("id")
			.asString();
		this.api.post("/v1/library/shelves/" + shelf + "/items")
			.as("user_reader")
			.json(Map.of("story_id", shelved))
			.send();
		assertThat(titles(this.api.get("/v1/discover?tab=for_you").as("user_reader").send()))
			.doesNotContain("Dragon Shelf");
		// the save is a signal too: Fantasy 10 + 3
		await().atMost(Duration.ofSeconds(10)).until(() -> fantasyInterest(reader) == 13.0);
		assertThat(this.api.post("/v1/discover/not-interested")
			.as("user_reader")
			.json(Map.of("story_id", fantasy))
			.send()
			.status()).isEqualTo(204);
		assertThat(titles(this.api.get("/v1/discover?tab=for_you").as("user_reader").send()))
			.doesNotContain("Dragon Tale")
			.contains("Whodunit");
		assertThat(fantasyInterest(reader)).isEqualTo(6.5);
		assertThat(this.api.post("/v1/discover/not-interested")
			.as("user_reader")
			.json(Map.of("story_id", "00000000-0000-0000-0000-000000000001"))
			.send()
			.status()).isEqualTo(404);
		assertThat(this.api.post("/v1/discover/not-interested").json(Map.of("story_id", mystery)).send().status())
			.isEqualTo(401);
		assertThat(this.api.post("/v1/discover/not-interested").as("user_reader").json(Map.of()).send().errorCode())
			.isEqualTo("VALIDATION_FAILED");
		Api.Reply malformed = this.api.post("/v1/discover/not-interested")
			.as("user_reader")
			.json(Map.of("story_id", "not-a-uuid"))
			.send();
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().path("error").path("code").asString()).isNotBlank();
	}

	@Test
	void forYouPagesThroughOneRankingWithoutRepeats() {
		String reader = this.fixtures.me("user_reader").path("id").asString();
		for (int i = 0; i < 7; i++) {
			this.fixtures.publishedStory("user_w" + (i % 3), "Fantasy " + i, List.of("Fantasy"));
		}
		interest(reader, "Fantasy", 3);
		interest(reader, "Poetry", 1);
		interest(reader, "Horror", 1);
		List<String> seen = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = this.api
				.get("/v1/discover?tab=for_you&page_size=3" + ((cursor != null) ? "&cursor=" + cursor : ""))
				.as("user_reader")
				.send()
				.json();
			page.path("data").forEach((item) -> seen.add(item.path("title").asString()));
			cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asString();
		}
		while (cursor != null);
		assertThat(seen).hasSize(7).doesNotHaveDuplicates();
		assertThat(this.api.get("/v1/discover?tab=for_you&cursor=garbage").as("user_reader").send().errorCode())
			.isEqualTo("INVALID_CURSOR");
	}

	@Test
	void oneReadersRepeatedEngagementCountsOnceADay() {
		String story = this.fixtures.publishedStory("user_author", "Liked Once", List.of("Cozy"));
		String whisper = storyWhisper("user_fan", story, "Love it");
		for (int i = 0; i < 3; i++) {
			assertThat(this.api.post("/v1/whispers/" + whisper + "/like").as("user_liker").send().status()).isIn(200,
					201);
			assertThat(this.api.delete("/v1/whispers/" + whisper + "/like").as("user_liker").send().status()).isIn(200,
					204);
		}
		String shelf = shelf("user_liker");
		for (int i = 0; i < 3; i++) {
			this.api.post("/v1/library/shelves/" + shelf + "/items")
				.as("user_liker")
				.json(Map.of("story_id", story))
				.send();
			this.api.delete("/v1/library/shelves/" + shelf + "/items/" + story).as("user_liker").send();
		}
		awaitEventsHandled();
		Map<String, Object> stats = stats(story);
		assertThat(stats).containsEntry("likes_count", 1)
			.containsEntry("saves_count", 1)
			.containsEntry("whispers_count", 1);
		this.jobs.recomputeTrending();
		// whisper 2.5 + like 2 + save 3, barely decayed
		assertThat(score(story)).isCloseTo(7.5, org.assertj.core.data.Offset.offset(0.01));
		String liker = this.fixtures.me("user_liker").path("id").asString();
		// like 1.5 + save 3.0, once each
		assertThat(this.jdbc.sql("select score from user_interests where user_id = :u::uuid and author_id is not null")
			.param("u", liker)
			.query(Double.class)
			.single()).isEqualTo(4.5);
	}

	@Test
	void anAuthorsOwnEngagementCountsNothingForTheirStory() {
		String story = this.fixtures.publishedStory("user_author", "My Own Hype", List.of("Cozy"));
		String whisper = storyWhisper("user_author", story, "Read my story!");
		this.api.post("/v1/whispers/" + whisper + "/like").as("user_author").send();
		this.api.post("/v1/library/shelves/" + shelf("user_author") + "/items")
			.as("user_author")
			.json(Map.of("story_id", story))
			.send();
		awaitEventsHandled();
		assertThat(this.jdbc.sql("select count(*) from story_engagements").query(Long.class).single()).isZero();
		assertThat(this.jobs.recomputeTrending()).isZero();
		assertThat(titles(this.api.get("/v1/discover?tab=trending").send())).isEmpty();
	}

	@Test
	void suspendedUsersEngagementCountsForNothing() {
		String story = this.fixtures.publishedStory("user_author", "Sock Puppets", List.of());
		String whisper = storyWhisper("user_sock", story, "Best story ever");
		this.api.post("/v1/library/shelves/" + shelf("user_sock") + "/items")
			.as("user_sock")
			.json(Map.of("story_id", story))
			.send();
		awaitEventsHandled();
		assertThat(this.jobs.recomputeTrending()).isEqualTo(1);
		String report = this.api.post("/v1/reports")
			.as("user_victim")
			.json(Map.of("reason", "Spam", "whisper_id", whisper))
			.send()
			.json()
			.path("id")
			.asString();
		assertThat(this.api.post("/v1/moderation/reports/" + report + "/resolve")
			.as("user_mod", "moderator")
			.json(Map.of("action", "suspend_user"))
			.send()
			.status()).isEqualTo(200);
		assertThat(this.jobs.recomputeTrending()).isZero();
		assertThat(titles(this.api.get("/v1/discover?tab=trending").send())).isEmpty();
	}

	private String storyWhisper(String user, String storyId, String content) {
		Api.Reply whisper = this.api.post("/v1/whispers")
			.as(user)
			.json(Map.of("content", content, "scope", "STORY", "story_id", storyId))
			.send();
		assertThat(whisper.status()).as(whisper.toString()).isEqualTo(201);
		return whisper.json().path("id").asString();
	}

	private String shelf(String user) {
		return this.api.post("/v1/library/shelves")
			.as(user)
			.json(Map.of("name", "Shelf"))
			.send()
			.json()
			.path("id")
			.asString();
	}

	private Map<String, Object> stats(String storyId) {
		return this.jdbc.sql("select * from story_stats_daily where story_id = :s::uuid")
			.param("s", storyId)
			.query()
			.singleRow();
	}

	/**
	 * The statements a request's signals and statistics ran, once its events are handled:
	 * those that write discovery's engagements, daily stats, interests and chapter
	 * readers.
	 */
	private List<String> signalStatements(Runnable request) {
		return this.statements.capture(() -> {
			request.run();
			awaitEventsHandled();
		})
			.stream()
			.map((query) -> query.getQuery())
			.filter((sql) -> sql.matches("(?s).*(story_engagements|stats_daily|user_interests|chapter_readers).*"))
			.toList();
	}

	private void awaitEventsHandled() {
		EventsHandled.await(this.jdbc);
	}

	private void engage(String storyId, String kind, int times, int hoursAgo) {
		for (int i = 0; i < times; i++) {
			this.jdbc.sql(
					"insert into story_engagements (story_id, kind, created_at) values (:s::uuid, :k, now() - make_interval(hours => :h))")
				.param("s", storyId)
				.param("k", kind)
				.param("h", hoursAgo)
				.update();
		}
	}

	private void interest(String userId, String tagName, double score) {
		String slug = tagName.toLowerCase();
		this.jdbc.sql("insert into tags (name, slug) values (:n, :s) on conflict (slug) do nothing")
			.param("n", tagName)
			.param("s", slug)
			.update();
		this.jdbc
			.sql("""
					insert into user_interests (user_id, tag_id, score) select :u::uuid, id, :score from tags where slug = :s""")
			.param("u", userId)
			.param("score", score)
			.param("s", slug)
			.update();
	}

	private double fantasyInterest(String userId) {
		return this.jdbc.sql("""
				select i.score from user_interests i join tags t on t.id = i.tag_id
				where i.user_id = :u::uuid and t.slug = 'fantasy'""").param("u", userId).query(Double.class).single();
	}

	private double score(String storyId) {
		return this.jdbc.sql("select score from story_trending where story_id = :s::uuid")
			.param("s", storyId)
			.query(Double.class)
			.single();
	}

	private static List<String> titles(Api.Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return titlesOf(reply.json().path("data"));
	}

	private static List<String> titlesOf(JsonNode items) {
		List<String> titles = new ArrayList<>();
		items.forEach((item) -> titles.add(item.path("title").asString()));
		return titles;
	}

}
