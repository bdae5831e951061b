package com.muejam.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import redis.embedded.RedisServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.muejam.MueJamApplication;
import com.muejam.core.database.EmbeddedPostgresLauncher;
import com.muejam.notifications.Digests;
import com.muejam.support.Api;
import com.muejam.support.EventStream;
import com.muejam.support.Fixtures;
import com.muejam.support.TestRedis;
import com.muejam.stories.StoryView;
import com.muejam.users.ProfileView;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the application, as behind a load balancer: two application contexts
 * on one real PostgreSQL server and one real Redis server, both started here (no Docker).
 * What one instance does, the other sees; limits and live notifications are shared; a
 * scheduled job runs once across both; and when Redis goes away, requests keep working
 * from the database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceTests {

	private static EmbeddedPostgres postgres;

	private static RedisServer redis;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private static Api one;

	private static Api two;

	private static String[] shared;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() throws IOException {
		postgres = EmbeddedPostgresLauncher.start(Files.createTempDirectory("muejam-shared-postgres-"), 0, true);
		TestRedis started = TestRedis.start();
		redis = started.server();
		int redisPort = started.port();
		shared = new String[] { "--server.port=0",
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
				"--spring.data.redis.url=redis://127.0.0.1:" + redisPort,
				"--muejam.data-dir=target/multi-instance-data",
				"--muejam.pagination.cursor-secret=one-secret-shared-by-every-instance-0123456789",
				"--muejam.scheduling.enabled=true", "--muejam.discovery.trending-interval=1s",
				"--muejam.discovery.trending-initial-delay=1s", "--muejam.rate-limits.policies.whispers.capacity=3" };
		first = new SpringApplicationBuilder(MueJamApplication.class).profiles("test").run(shared);
		second = new SpringApplicationBuilder(MueJamApplication.class).profiles("test").run(shared);
		one = Api.of(first);
		two = Api.of(second);
	}

	@AfterAll
	static void stop() throws IOException {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { second, first }) {
			if (context != null) {
				context.close();
			}
		}
		if (redis != null && redis.isActive()) {
			redis.stop();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	@Order(1)
	void withAnExternalDatabaseNothingEmbeddedStarts() {
		assertThat(first.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
		assertThat(second.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
	}

	@Test
	@Order(2)
	void aWriteOnOneInstanceIsReadOnTheOtherAndItsEvictionCrossesInstances() {
		String id = new Fixtures(one).publishedStory("user_author", "The First Title", List.of("Fantasy"));
		String slug = slugOf(id, "user_author");
		// the second instance reads it, and caches it in the shared cache
		assertThat(two.get("/v1/stories/" + slug).send().json().path("title").asString()).isEqualTo("The First Title");
		assertThat(cacheKeys("stories")).isNotEmpty();
		assertThat(one.put("/v1/stories/" + id)
			.as("user_author")
			.json(Map.of("title", "The Second Title"))
			.send()
			.status()).isEqualTo(200);
		// the first instance's eviction reached the cache the second one reads
		assertThat(two.get("/v1/stories/" + slug).send().json().path("title").asString()).isEqualTo("The Second Title");
	}

	@Test
	@Order(3)
	void aBlockOnOneInstanceTakesEffectOnTheOtherInMoments() {
		String id = new Fixtures(one).publishedStory("user_hidden_author", "Seen Before The Block", List.of("Fantasy"));
		String author = new Fixtures(one).me("user_hidden_author").path("id").asString();
		// the reader signs in on the second instance, which remembers the sign-in
		assertThat(two.get("/v1/stories/" + id + "/chapters").as("user_blocking_reader").send().status())
			.isEqualTo(200);
		assertThat(one.post("/v1/users/" + author + "/block").as("user_blocking_reader").send().status())
			.isEqualTo(200);
		// the first instance's change reaches the second one's memory of the sign-in in
		// moments (Redis delivers it), not when that memory expires (an hour in tests)
		await().atMost(Duration.ofSeconds(5))
			.until(() -> two.get("/v1/stories/" + id + "/chapters").as("user_blocking_reader").send().status() == 404);
		assertThat(one.delete("/v1/users/" + author + "/block").as("user_blocking_reader").send().status())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> two.get("/v1/stories/" + id + "/chapters").as("user_blocking_reader").send().status() == 200);
	}

	@Test
	@Order(4)
	void aSuspensionOnOneInstanceTakesEffectOnTheOtherInMoments() {
		String whisper = one.post("/v1/whispers")
			.as("user_troll")
			.json(Map.of("content", "Trolling"))
			.send()
			.json()
			.path("id")
			.asString();
		// the troll writes on the second instance, which remembers the sign-in
		assertThat(two.post("/v1/library/shelves").as("user_troll").json(Map.of("name", "Before")).send().status())
			.isEqualTo(201);
		String report = one.post("/v1/reports")
			.as("user_victim")
			.json(Map.of("reason", "Harassment", "whisper_id", whisper))
			.send()
			.json()
			.path("id")
			.asString();
		assertThat(one.post("/v1/moderation/reports/" + report + "/resolve")
			.as("user_mod", "moderator")
			.json(Map.of("action", "suspend_user"))
			.send()
			.status()).isEqualTo(200);
		AtomicInteger attempt = new AtomicInteger();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> two.post("/v1/library/shelves")
				.as("user_troll")
				.json(Map.of("name", "After " + attempt.incrementAndGet()))
				.send()
				.status() == 403);
	}

	@Test
	@Order(5)
	void anUnreadableSignInChangeForgetsEverySignIn() {
		String token = two.token("user_remembered");
		assertThat(two.get("/v1/me").bearer(token).send().status()).isEqualTo(200);
		assertThat(two.get("/v1/me").bearer(token).send().status()).isEqualTo(200);
		double read = signInsRead(second);
		var connection = first.getBean(org.springframework.data.redis.connection.RedisConnectionFactory.class)
			.getConnection();
		try (connection) {
			connection.publish("muejam:v1:sign-in-changes".getBytes(StandardCharsets.UTF_8),
					"not-a-user".getBytes(StandardCharsets.UTF_8));
		}
		// whose state changed is unknown, so the next request reads its sign-in again
		await().atMost(Duration.ofSeconds(5)).until(() -> {
			assertThat(two.get("/v1/me").bearer(token).send().status()).isEqualTo(200);
			return signInsRead(second) > read;
		});
	}

	private static double signInsRead(ConfigurableApplicationContext context) {
		return context.getBean(MeterRegistry.class)
			.get("muejam.sign.ins")
			.tag("result", "read")
			.functionCounter()
			.count();
	}

	@Test
	@Order(6)
	void cachedViewsAreStoredAsJsonAndReadBackFromIt() {
		Fixtures fixtures = new Fixtures(one);
		fixtures.me("user_cached");
		assertThat(one.put("/v1/me")
			.as("user_cached")
			.json(Map.of("handle", "cached_reader", "bio", "Reads *slowly*."))
			.send()
			.status()).isEqualTo(200);
		assertThat(one.get("/v1/users/cached_reader").send().status()).isEqualTo(200);
		Api.Reply suggested = one.get("/v1/search/suggest?q=The").send();
		assertThat(suggested.status()).isEqualTo(200);
		String title = suggested.json().path("stories").get(0).path("title").asString();
		String search = "/v1/search?q=" + title.replace(" ", "%20");
		JsonNode found = one.get(search).send().json();
		assertThat(found.path("data")).isNotEmpty();
		// the trending job clears its cache when it runs: ask until a ranking is cached
		await().atMost(Duration.ofSeconds(10))
			.until(() -> one.get("/v1/discover?tab=trending").send().status() == 200
					&& !cacheKeys("trending").isEmpty());
		assertThat(cacheKeys("profiles")).contains("muejam:v3:cache:profiles::cached_reader");
		assertThat(cacheKeys("suggestions")).isNotEmpty();
		// every cached value is a JSON document, not a Java-serialized object
		JsonMapper json = JsonMapper.builder().build();
		List<String> cached = Stream.of(redisKeys()).filter((key) -> key.startsWith("muejam:v3:cache:")).toList();
		assertThat(cached).hasSizeGreaterThanOrEqualTo(3);
		for (String key : cached) {
			byte[] value = redisValue(key);
			if (value.length == 0) {
				// evicted meanwhile (the trending job)
				continue;
			}
			assertThat(value[0]).as("%s starts a JSON object", key).isEqualTo((byte) '{');
			assertThat(json.readTree(value).isObject()).as(key).isTrue();
		}
		// a field the API hides (@JsonIgnore) is still cached: the cache gives back whole
		// values
		String suggestionsKey = cacheKeys("suggestions").getFirst();
		JsonNode suggestions = json.readTree(redisValue(suggestionsKey));
		assertThat(suggestions.path("stories").get(0).path("authorId").asString()).isNotBlank();
		// an anonymous search's first page: the hits' positions, which the other
		// instance reads back
		JsonNode hits = json.readTree(redisValue(cacheKeys("search").getFirst())).path("hits");
		assertThat(hits.get(0).path("id").asString()).isEqualTo(found.path("data").get(0).path("id").asString());
		assertThat(hits.get(0).path("tier").asInt()).isEqualTo(1);
		assertThat(two.get(search).send().json()).isEqualTo(found);
		String searchKey = cacheKeys("search").getFirst();
		writeRedisValue(searchKey, json.writeValueAsBytes(Map.of("hits", List.of())));
		assertThat(two.get(search).send().json().path("data")).isEmpty();
		JsonNode profile = json.readTree(redisValue("muejam:v3:cache:profiles::cached_reader"));
		assertThat(profile.path("handle").asString()).isEqualTo("cached_reader");
		// the other instance serves what is in Redis: change it there and see it come
		// back
		ObjectNode edited = ((ObjectNode) profile).put("displayName", "Edited In Redis");
		writeRedisValue("muejam:v3:cache:profiles::cached_reader", json.writeValueAsBytes(edited));
		Api.Reply served = two.get("/v1/users/cached_reader").send();
		assertThat(served.json().path("display_name").asString()).isEqualTo("Edited In Redis");
		assertThat(served.json().path("bio_html").asString())
			.isEqualToIgnoringWhitespace("<p>Reads <em>slowly</em>.</p>");
		// the views need no Serializable marker any more
		assertThat(Serializable.class.isAssignableFrom(ProfileView.class)).isFalse();
		assertThat(Serializable.class.isAssignableFrom(StoryView.class)).isFalse();
	}

	@Test
	@Order(6)
	void aChapterCachedByOneInstanceIsServedByTheOtherUntilAnEditOnEither() throws Exception {
		Fixtures.Published published = new Fixtures(one).publishedChapter("user_chapter_author", "Shared Chapter",
				"Cached *once*.");
		String path = "/v1/chapters/" + published.chapterId();
		String key = "muejam:v3:cache:chapters::" + published.chapterId();
		assertThat(two.get(path).send().json().path("content").asString()).isEqualTo("Cached *once*.");
		JsonMapper json = JsonMapper.builder().build();
		JsonNode cached = json.readTree(redisValue(key));
		assertThat(cached.propertyNames()).containsExactlyInAnyOrder("authorId", "rating", "view", "nextChapterAt",
				"textLength");
		assertThat(cached.path("rating").asString()).isNotBlank();
		// what a progress save checks its offset against, on either instance
		assertThat(cached.path("textLength").asInt()).isEqualTo("Cached *once*.".length());
		assertThat(cached.path("view").path("contentHtml").asString()).contains("<em>once</em>");
		// the first instance serves what the second put in Redis
		((ObjectNode) cached.path("view")).put("title", "Edited In Redis");
		writeRedisValue(key, json.writeValueAsBytes(cached));
		assertThat(one.get(path).send().json().path("title").asString()).isEqualTo("Edited In Redis");
		// an edit on the first instance reaches the second's next read
		assertThat(one.put(path).as("user_chapter_author").json(Map.of("content", "Edited.")).send().status())
			.isEqualTo(200);
		JsonNode read = two.get(path).send().json();
		assertThat(read.path("content").asString()).isEqualTo("Edited.");
		assertThat(read.path("title").asString()).isEqualTo("Chapter");
	}

	@Test
	@Order(6)
	void theSignedOutFrontPageIsSharedAsJsonAndAPublicationOnEitherShowsOnTheOther() {
		String earlier = new Fixtures(one).publishedStory("user_front_author", "Shared Front Page", List.of());
		assertThat(two.get("/v1/stories").send().json().path("data").get(0).path("id").asString()).isEqualTo(earlier);
		JsonNode cached = JsonMapper.builder().build().readTree(redisValue("muejam:v3:cache:front-page::newest"));
		assertThat(cached.path("stories").get(0).path("id").asString()).isEqualTo(earlier);
		assertThat(one.get("/v1/discover?tab=new").send().json().path("data").get(0).path("id").asString())
			.isEqualTo(earlier);
		String later = new Fixtures(one).publishedStory("user_front_author", "Shared Front Page Again", List.of());
		assertThat(two.get("/v1/discover?tab=new").send().json().path("data").get(0).path("id").asString())
			.isEqualTo(later);
	}

	@Test
	@Order(7)
	void withRedisAPageOfStoriesReadsThemFromTheDatabaseAndLeavesTheStoryCacheAlone() {
		Fixtures fixtures = new Fixtures(one);
		String story = fixtures.publishedStory("user_paged_author", "Paged Across Instances", List.of("Paged"));
		String search = "/v1/search?q=paged%20across%20instances";
		String handle = fixtures.me("user_paged_author").path("handle").asString();
		for (String page : List.of(search, "/v1/stories?tag=paged", "/v1/stories?author=" + handle)) {
			assertThat(two.get(page).send().json().path("data").get(0).path("title").asString()).as(page)
				.isEqualTo("Paged Across Instances");
		}
		// twenty reads from Redis, and their JSON, cost more than the one statement
		assertThat(cacheKeys("stories")).doesNotContain("muejam:v3:cache:stories::" + story);
		assertThat(one.put("/v1/stories/" + story)
			.as("user_paged_author")
			.json(Map.of("title", "Paged Across Instances Again"))
			.send()
			.status()).isEqualTo(200);
		assertThat(two.get(search).send().json().path("data").get(0).path("title").asString())
			.isEqualTo("Paged Across Instances Again");
	}

	@Test
	@Order(7)
	void withRedisAnInstanceKeepsACopyOfTheTrendingRankingUntilAChangeOnIt() {
		Fixtures fixtures = new Fixtures(one);
		// a publication drops the ranking, the shared one and this instance's copy
		fixtures.publishedStory("user_trend_copy_author", "Trending Copy", List.of());
		double before = trendingReads(first);
		for (int i = 0; i < 3; i++) {
			assertThat(one.get("/v1/discover?tab=trending").send().status()).isEqualTo(200);
		}
		assertThat(trendingReads(first)).isEqualTo(before + 1);
		fixtures.publishedStory("user_trend_copy_author", "Trending Copy Again", List.of());
		assertThat(one.get("/v1/discover?tab=trending").send().status()).isEqualTo(200);
		assertThat(trendingReads(first)).isEqualTo(before + 2);
	}

	@Test
	@Order(7)
	void aUsersRateLimitIsSharedByTheInstances() {
		assertThat(whisper(one, "one")).isEqualTo(201);
		assertThat(whisper(two, "two")).isEqualTo(201);
		assertThat(whisper(one, "three")).isEqualTo(201);
		// the policy allows 3 a minute, wherever they land
		assertThat(whisper(two, "four")).isEqualTo(429);
		assertThat(whisper(one, "five")).isEqualTo(429);
	}

	@Test
	@Order(8)
	void aNotificationCausedOnOneInstanceReachesAStreamOnTheOther() throws Exception {
		Fixtures fixtures = new Fixtures(one);
		String followed = fixtures.me("user_followed").path("id").asString();
		fixtures.me("user_follower");
		try (EventStream stream = openStream(second, two.token("user_followed"))) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(one.post("/v1/users/" + followed + "/follow").as("user_follower").send().status())
				.isEqualTo(200);
			List<String> event = stream.nextEvent();
			assertThat(event).contains("event:notification");
			assertThat(event.stream().filter((line) -> line.startsWith("data:")).findFirst().orElseThrow())
				.contains("\"type\":\"FOLLOW\"");
		}
	}

	@Test
	@Order(9)
	void aScheduledJobRunsOnceAcrossInstances() {
		// both instances try every second; the first run holds the lock for a minute
		await().pollDelay(Duration.ofSeconds(4))
			.atMost(Duration.ofSeconds(20))
			.until(() -> runs(first) + runs(second) >= 1);
		assertThat(runs(first) + runs(second)).isEqualTo(1);
	}

	@Test
	@Order(12)
	void aDigestIsQueuedOnceWhenBothInstancesRunTheJobAtOnce() {
		// the follow of the previous test is in the next weekly digest, Monday 08:00 UTC:
		// later today on a Monday morning, the Monday after otherwise
		Instant now = Instant.now();
		Instant boundary = LocalDate.now(ZoneOffset.UTC)
			.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY))
			.atTime(8, 0)
			.toInstant(ZoneOffset.UTC);
		if (!boundary.isAfter(now)) {
			boundary = boundary.plus(Duration.ofDays(7));
		}
		Instant monday = boundary.plus(Duration.ofHours(1));
		CyclicBarrier together = new CyclicBarrier(2);
		List<CompletableFuture<Integer>> runs = Stream.of(first, second)
			.map((instance) -> CompletableFuture.supplyAsync(() -> {
				arrive(together);
				return instance.getBean(Digests.class).sendDue(monday);
			}))
			.toList();

		int queued = runs.stream().mapToInt(CompletableFuture::join).sum();

		JdbcClient jdbc = first.getBean(JdbcClient.class);
		List<String> recipients = jdbc.sql("select recipient from email_outbox where kind = 'DIGEST'")
			.query(String.class)
			.list();
		assertThat(queued).isPositive().isEqualTo(recipients.size());
		assertThat(recipients).doesNotHaveDuplicates();
		assertThat(second.getBean(Digests.class).sendDue(monday)).isZero();
	}

	private static void arrive(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	@Order(7)
	void withRedisTheLibraryPagesReadTheirStoriesWithTheirRowsAndLeaveOutABlockedAuthors() {
		Fixtures.Published book = new Fixtures(one).publishedChapter("user_shelved_author", "Shelved Across", "Words.");
		String author = new Fixtures(one).me("user_shelved_author").path("id").asString();
		String shelf = one.post("/v1/library/shelves")
			.as("user_shelf_reader")
			.json(Map.of("name", "Across"))
			.send()
			.json()
			.path("id")
			.asString();
		String items = "/v1/library/shelves/" + shelf + "/items";
		assertThat(one.post(items).as("user_shelf_reader").json(Map.of("story_id", book.storyId())).send().status())
			.isEqualTo(201);
		assertThat(one.post("/v1/chapters/" + book.chapterId() + "/progress")
			.as("user_shelf_reader")
			.json(Map.of("offset", 3))
			.send()
			.status()).isEqualTo(200);
		assertThat(two.get(items).as("user_shelf_reader").send().json().path("data").get(0).path("title").asString())
			.isEqualTo("Shelved Across");
		assertThat(two.get("/v1/library/reading")
			.as("user_shelf_reader")
			.send()
			.json()
			.path("data")
			.get(0)
			.path("story")
			.path("title")
			.asString()).isEqualTo("Shelved Across");
		assertThat(two.post("/v1/users/" + author + "/block").as("user_shelf_reader").send().status()).isEqualTo(200);
		assertThat(two.get(items).as("user_shelf_reader").send().json().path("data")).isEmpty();
		assertThat(two.get("/v1/library/reading").as("user_shelf_reader").send().json().path("data")).isEmpty();
	}

	@Test
	@Order(10)
	void eachInstanceExposesItsMetrics() throws Exception {
		String metrics = prometheus(first) + prometheus(second);
		assertThat(metrics).contains("http_server_requests_seconds_bucket{")
			.containsPattern("cache_gets_total\\{cache=\"stories\".*result=\"hit\"")
			.contains("muejam_ratelimit_rejections_total{policy=\"whispers\"")
			.contains("muejam_email_outbox_backlog ")
			.containsPattern("muejam_job_seconds_count\\{.*job=\"trending-scores\"")
			.containsPattern("muejam_job_seconds_count\\{.*job=\"email-outbox\"")
			.contains("resilience4j_circuitbreaker_state{");
	}

	@Test
	@Order(11)
	void whenRedisStopsRequestsKeepWorkingFromTheDatabase() throws Exception {
		String id = new Fixtures(one).publishedStory("user_writer", "Written Before", List.of());
		String slug = slugOf(id, "user_writer");
		redis.stop();
		// reads: the cache is skipped
		assertThat(two.get("/v1/stories/" + slug).send().json().path("title").asString()).isEqualTo("Written Before");
		assertThat(two.get("/v1/search?q=written").send().json().path("data").get(0).path("title").asString())
			.isEqualTo("Written Before");
		// writes: rate limits fail open
		assertThat(whisper(one, "still here")).isEqualTo(201);
		assertThat(
				one.put("/v1/stories/" + id).as("user_writer").json(Map.of("title", "Written After")).send().status())
			.isEqualTo(200);
		assertThat(two.get("/v1/stories/" + slug).send().json().path("title").asString()).isEqualTo("Written After");
		// live notifications still reach streams on the instance that created them
		Fixtures fixtures = new Fixtures(one);
		String followed = fixtures.me("user_quiet").path("id").asString();
		fixtures.me("user_loud");
		try (EventStream stream = openStream(first, one.token("user_quiet"))) {
			one.post("/v1/users/" + followed + "/follow").as("user_loud").send();
			assertThat(stream.nextEvent()).contains("event:notification");
		}
		// health reports Redis down, yet the instance stays ready for traffic
		HttpResponse<String> health = this.http.send(
				HttpRequest.newBuilder(URI.create(base(first) + "/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(health.body()).contains("\"redis\":{\"status\":\"DOWN\"");
		HttpResponse<String> readiness = this.http.send(
				HttpRequest.newBuilder(URI.create(base(first) + "/actuator/health/readiness")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(prometheus(first)).contains("muejam_redis_fallbacks_total");
		// and a new instance starts while Redis is down
		try (ConfigurableApplicationContext third = new SpringApplicationBuilder(MueJamApplication.class)
			.profiles("test")
			.run(shared)) {
			assertThat(Api.of(third).get("/v1/stories/" + slug).send().json().path("title").asString())
				.isEqualTo("Written After");
		}
	}

	private static String slugOf(String storyId, String author) {
		for (var story : one.get("/v1/me/stories").as(author).send().json().path("data")) {
			if (story.path("id").asString().equals(storyId)) {
				return story.path("slug").asString();
			}
		}
		throw new AssertionError("no story " + storyId);
	}

	private static int whisper(Api api, String content) {
		return api.post("/v1/whispers").as("user_chatty").json(Map.of("content", content)).send().status();
	}

	private static long runs(ConfigurableApplicationContext context) {
		return context.getBean(MeterRegistry.class)
			.find("muejam.job")
			.tag("job", "trending-scores")
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	private static List<String> cacheKeys(String cache) {
		return Stream.of(redisKeys()).filter((key) -> key.startsWith("muejam:v3:cache:" + cache + "::")).toList();
	}

	private static byte[] redisValue(String key) {
		var connection = first.getBean(org.springframework.data.redis.connection.RedisConnectionFactory.class)
			.getConnection();
		try (connection) {
			byte[] value = connection.stringCommands().get(key.getBytes(StandardCharsets.UTF_8));
			return (value != null) ? value : new byte[0];
		}
	}

	private static void writeRedisValue(String key, byte[] value) {
		var connection = first.getBean(org.springframework.data.redis.connection.RedisConnectionFactory.class)
			.getConnection();
		try (connection) {
			connection.stringCommands().set(key.getBytes(StandardCharsets.UTF_8), value);
		}
	}

	private static String[] redisKeys() {
		var connection = first.getBean(org.springframework.data.redis.connection.RedisConnectionFactory.class)
			.getConnection();
		try (connection) {
			return connection.keyCommands()
				.keys("muejam:*".getBytes())
				.stream()
				.map(String::new)
				.toArray(String[]::new);
		}
	}

	/** How often an instance read the trending ranking from Redis. */
	private static double trendingReads(ConfigurableApplicationContext context) {
		return context.getBean(MeterRegistry.class)
			.find("cache.gets")
			.tag("cache", "trending")
			.functionCounters()
			.stream()
			.mapToDouble(FunctionCounter::count)
			.sum();
	}

	private String prometheus(ConfigurableApplicationContext context) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create(base(context) + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private EventStream openStream(ConfigurableApplicationContext context, String token) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base(context) + "/v1/notifications/stream"))
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		return new EventStream(response);
	}

	private static String base(ConfigurableApplicationContext context) {
		return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

}
