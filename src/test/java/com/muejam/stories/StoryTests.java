package com.muejam.stories;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.muejam.support.EventsHandled;
import com.muejam.core.cache.CacheNames;
import com.muejam.core.security.CurrentUser;
import com.muejam.stories.StoryRequests.UpdateStory;
import com.muejam.support.Api;
import com.muejam.support.IntegrationTest;
import com.muejam.support.StatementCounter;
import com.muejam.users.UserDeleted;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class StoryTests {

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatementCounter statements;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	StoryService stories;

	@Autowired
	CacheManager caches;

	@Test
	void createsDraftWithSlugAndDeduplicatedTags() {
		Api.Reply reply = this.api.post("/v1/stories")
			.as("user_author")
			.json(Map.of("title", "  Slow Burn Ästhetik!  ", "blurb", "Two rivals.", "tags",
					List.of("Slow Burn", "slow  burn", "Fantasy")))
			.send();
		assertThat(reply.status()).isEqualTo(201);
		JsonNode story = reply.json();
		assertThat(story.path("slug").asString()).isEqualTo("slow-burn-asthetik");
		assertThat(reply.header("Location")).isEqualTo("/v1/stories/slow-burn-asthetik");
		assertThat(story.path("title").asString()).isEqualTo("Slow Burn Ästhetik!");
		assertThat(story.path("published").asBoolean()).isFalse();
		assertThat(story.path("published_at").isNull()).isTrue();
		assertThat(story.path("tags").findValuesAsString("slug")).containsExactly("fantasy", "slow-burn");
		assertThat(story.path("author").path("handle").asString()).startsWith("user_author");
		assertThat(story.path("chapter_count").asInt()).isZero();
	}

	@Test
	void takenSlugGetsASuffix() {
		String first = create("user_a", "Same Title").path("slug").asString();
		String second = create("user_b", "Same Title").path("slug").asString();
		assertThat(first).isEqualTo("same-title");
		assertThat(second).matches("same-title-[a-z0-9]{6}");
	}

	@Test
	void rejectsInvalidStoriesWithFieldDetails() {
		List<String> tooManyTags = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			tooManyTags.add("tag" + i);
		}
		Api.Reply reply = this.api.post("/v1/stories")
			.as("user_author")
			.json(Map.of("title", "x".repeat(201), "blurb", "b".repeat(2001), "tags", tooManyTags))
			.send();
		assertThat(reply.status()).isEqualTo(400);
		JsonNode details = reply.json().path("error").path("details");
		assertThat(details.has("title")).isTrue();
		assertThat(details.has("blurb")).isTrue();
		assertThat(details.has("tags")).isTrue();
		assertThat(this.api.post("/v1/stories")
			.as("user_author")
			.json(Map.of("title", "   "))
			.send()
			.json()
			.path("error")
			.path("details")
			.has("title")).isTrue();
		assertThat(this.api.post("/v1/stories")
			.as("user_author")
			.json(Map.of("title", "T", "tags", List.of("!!!")))
			.send()
			.status()).isEqualTo(400);
		assertThat(this.api.post("/v1/stories")
			.as("user_author")
			.json(Map.of("title", "T", "cover_key", "uploads/cover/x.png"))
			.send()
			.json()
			.path("error")
			.path("details")
			.has("cover_key")).isTrue();
	}

	@Test
	void writingNeedsAToken() {
		assertThat(this.api.post("/v1/stories").json(Map.of("title", "T")).send().status()).isEqualTo(401);
		assertThat(this.api.get("/v1/me/stories").send().status()).isEqualTo(401);
	}

	@Test
	void othersGetNotFoundForDraftsAndForbiddenForPublishedStories() {
		String id = create("user_owner", "Mine").path("id").asString();
		assertThat(
				this.api.put("/v1/stories/" + id).as("user_intruder").json(Map.of("title", "Hacked")).send().status())
			.isEqualTo(404);
		assertThat(this.api.get("/v1/stories/mine").as("user_intruder").send().status()).isEqualTo(404);
		assertThat(this.api.get("/v1/stories/mine").send().status()).isEqualTo(404);
		assertThat(this.api.get("/v1/stories/mine").as("user_owner").send().status()).isEqualTo(200);
		publish("user_owner", id);
		Api.Reply forbidden = this.api.put("/v1/stories/" + id)
			.as("user_intruder")
			.json(Map.of("title", "Hacked"))
			.send();
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.api.delete("/v1/stories/" + id).as("user_intruder").send().status()).isEqualTo(403);
		assertThat(this.api.post("/v1/stories/" + id + "/publish").as("user_intruder").send().status()).isEqualTo(403);
	}

	@Test
	void slugFollowsTitleUntilPublishedThenStays() {
		String id = create("user_slug", "First Draft Title").path("id").asString();
		Api.Reply renamed = this.api.put("/v1/stories/" + id)
			.as("user_slug")
			.json(Map.of("title", "Better Title"))
			.send();
		assertThat(renamed.json().path("slug").asString()).isEqualTo("better-title");
		publish("user_slug", id);
		Api.Reply after = this.api.put("/v1/stories/" + id).as("user_slug").json(Map.of("title", "Final Title")).send();
		assertThat(after.json().path("slug").asString()).isEqualTo("better-title");
		assertThat(this.api.get("/v1/stories/better-title").send().json().path("title").asString())
			.isEqualTo("Final Title");
	}

	@Test
	void publishingSetsPublishedAtOnce() {
		String id = create("user_pub", "Publish Me").path("id").asString();
		JsonNode first = publish("user_pub", id);
		assertThat(first.path("published").asBoolean()).isTrue();
		Instant publishedAt = Instant.parse(first.path("published_at").asString());
		JsonNode second = publish("user_pub", id);
		assertThat(Instant.parse(second.path("published_at").asString())).isEqualTo(publishedAt);
	}

	@Test
	void scheduledStoryAppearsWhenItsTimeComesWithoutAnotherCall() {
		String id = create("user_sched", "Coming Soon").path("id").asString();
		Instant at = Instant.now().plusSeconds(3600);
		Api.Reply scheduled = this.api.post("/v1/stories/" + id + "/publish")
			.as("user_sched")
			.json(Map.of("publish_at", at.toString()))
			.send();
		assertThat(scheduled.status()).isEqualTo(200);
		assertThat(Instant.parse(scheduled.json().path("published_at").asString()))
			.isEqualTo(at.truncatedTo(ChronoUnit.MICROS));
		assertThat(this.api.get("/v1/stories/coming-soon").send().status()).isEqualTo(404);
		assertThat(slugsOf(this.api.get("/v1/stories").send())).doesNotContain("coming-soon");
		// the clock reaches the scheduled time
		this.jdbc.sql("update stories set published_at = now() - interval '1 second' where id = :id::uuid")
			.param("id", id)
			.update();
		assertThat(this.api.get("/v1/stories/coming-soon").send().status()).isEqualTo(200);
		assertThat(slugsOf(this.api.get("/v1/stories").as("user_sched_reader").send())).contains("coming-soon");
		// the first page signed-out readers share shows it when it expires (30 s)
		this.caches.getCache(CacheNames.FRONT_PAGE).clear();
		assertThat(slugsOf(this.api.get("/v1/stories").send())).contains("coming-soon");
	}

	@Test
	void rejectsPublishTimeInThePastOrTooFarAhead() {
		String id = create("user_when", "When").path("id").asString();
		assertThat(this.api.post("/v1/stories/" + id + "/publish")
			.as("user_when")
			.json(Map.of("publish_at", "2020-01-01T00:00:00Z"))
			.send()
			.json()
			.path("error")
			.path("details")
			.has("publish_at")).isTrue();
		assertThat(this.api.post("/v1/stories/" + id + "/publish")
			.as("user_when")
			.json(Map.of("publish_at", Instant.now().plusSeconds(400L * 24 * 3600).toString()))
			.send()
			.status()).isEqualTo(400);
		assertThat(this.api.post("/v1/stories/" + id + "/publish")
			.as("user_when")
			.json(Map.of("publish_at", "soon"))
			.send()
			.status()).isEqualTo(400);
	}

	@Test
	void deletedStoryIsGoneForEveryoneButKeptInTheDatabase() {
		String id = create("user_del", "Short Lived").path("id").asString();
		publish("user_del", id);
		assertThat(this.api.delete("/v1/stories/" + id).as("user_del").send().status()).isEqualTo(204);
		assertThat(this.api.get("/v1/stories/short-lived").send().status()).isEqualTo(404);
		assertThat(this.api.get("/v1/stories/short-lived").as("user_del").send().status()).isEqualTo(404);
		assertThat(this.api.delete("/v1/stories/" + id).as("user_del").send().status()).isEqualTo(404);
		assertThat(slugsOf(this.api.get("/v1/me/stories").as("user_del").send())).doesNotContain("short-lived");
		assertThat(this.jdbc.sql("select count(*) from stories where id = :id::uuid and deleted_at is not null")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void unknownStoryIsNotFoundAndMalformedIdIsBadRequest() {
		assertThat(this.api.put("/v1/stories/5f0c0000-0000-0000-0000-000000000000")
			.as("user_x")
			.json(Map.of("title", "T"))
			.send()
			.status()).isEqualTo(404);
		Api.Reply malformed = this.api.put("/v1/stories/not-a-uuid").as("user_x").json(Map.of("title", "T")).send();
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().path("error").path("details").has("id")).isTrue();
		Api.Reply tooLong = this.api.get("/v1/stories/" + "a".repeat(121)).send();
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.errorCode()).isEqualTo("VALIDATION_FAILED");
		assertThat(tooLong.json().path("error").path("details").path("id").asString())
			.isEqualTo("size must be between 0 and 120");
		assertThat(this.api.get("/v1/stories/" + "a".repeat(120)).send().status()).isEqualTo(404);
	}

	@Test
	void listsFilterByTagAndAuthor() {
		this.api.put("/v1/me").as("user_tagger").json(Map.of("handle", "tagger")).send();
		publish("user_tagger", create("user_tagger", "Dragons", List.of("Fantasy")).path("id").asString());
		publish("user_other", create("user_other", "Spaceships", List.of("Sci Fi")).path("id").asString());
		create("user_tagger", "Draft Dragons", List.of("Fantasy"));
		assertThat(slugsOf(this.api.get("/v1/stories?tag=fantasy").send())).containsExactly("dragons");
		assertThat(slugsOf(this.api.get("/v1/stories?tag=Sci%20Fi").send())).containsExactly("spaceships");
		assertThat(slugsOf(this.api.get("/v1/stories?author=TAGGER").send())).containsExactly("dragons");
		assertThat(slugsOf(this.api.get("/v1/stories?author=nobody_known").send())).isEmpty();
		assertThat(slugsOf(this.api.get("/v1/stories?tag=unknown-tag").send())).isEmpty();
	}

	@Test
	void aTagsPageFollowsItsStoriesPublishingSchedulingAndRetagging() {
		String id = create("user_retag", "Tide Pools", List.of("Seaside")).path("id").asString();
		assertThat(slugsOf(this.api.get("/v1/stories?tag=seaside").send())).isEmpty();
		Instant at = Instant.now().plusSeconds(3600);
		assertThat(this.api.post("/v1/stories/" + id + "/publish")
			.as("user_retag")
			.json(Map.of("publish_at", at.toString()))
			.send()
			.status()).isEqualTo(200);
		assertThat(slugsOf(this.api.get("/v1/stories?tag=seaside").send())).isEmpty();
		// the clock reaches the scheduled time
		this.jdbc.sql("update stories set published_at = now() - interval '1 second' where id = :id::uuid")
			.param("id", id)
			.update();
		assertThat(slugsOf(this.api.get("/v1/stories?tag=seaside").send())).containsExactly("tide-pools");
		assertThat(this.api.put("/v1/stories/" + id)
			.as("user_retag")
			.json(Map.of("tags", List.of("Rockpools")))
			.send()
			.status()).isEqualTo(200);
		assertThat(slugsOf(this.api.get("/v1/stories?tag=rockpools").send())).containsExactly("tide-pools");
		assertThat(slugsOf(this.api.get("/v1/stories?tag=seaside").send())).isEmpty();
	}

	@Test
	void myStoriesIncludeDrafts() {
		create("user_mine", "Draft One");
		publish("user_mine", create("user_mine", "Published One").path("id").asString());
		create("user_someone", "Not Mine");
		assertThat(slugsOf(this.api.get("/v1/me/stories").as("user_mine").send())).containsExactly("published-one",
				"draft-one");
	}

	@Test
	void popularTagsAreOrderedByPublishedStories() {
		publish("user_t1", create("user_t1", "A", List.of("Romance", "Mystery")).path("id").asString());
		publish("user_t2", create("user_t2", "B", List.of("Romance")).path("id").asString());
		create("user_t3", "C", List.of("Mystery", "Horror"));
		JsonNode tags = this.api.get("/v1/tags").send().json().path("data");
		assertThat(List.of(tags.get(0).path("slug").asString(), tags.get(1).path("slug").asString()))
			.containsExactly("romance", "mystery");
		assertThat(tags.size()).isEqualTo(2);
		assertThat(tags.get(0).path("story_count").asInt()).isEqualTo(2);
	}

	@Test
	void editsAreVisibleImmediatelyDespiteTheStoryCache() {
		String id = create("user_cache", "Cached Story").path("id").asString();
		publish("user_cache", id);
		assertThat(this.api.get("/v1/stories/cached-story").send().json().path("blurb").asString()).isEmpty();
		this.api.put("/v1/stories/" + id).as("user_cache").json(Map.of("blurb", "Now with a blurb")).send();
		assertThat(this.api.get("/v1/stories/cached-story").send().json().path("blurb").asString())
			.isEqualTo("Now with a blurb");
		this.api.delete("/v1/stories/" + id).as("user_cache").send();
		assertThat(this.api.get("/v1/stories/cached-story").send().status()).isEqualTo(404);
	}

	@Test
	void aReadThatOvertakesAnEditIsNotLeftInTheStoryCache() {
		String id = create("user_racing", "Racing Story").path("id").asString();
		publish("user_racing", id);
		CurrentUser author = new CurrentUser(
				UUID.fromString(this.api.get("/v1/me").as("user_racing").send().json().path("id").asString()),
				"user_racing", Set.of());
		this.transactions.executeWithoutResult((status) -> {
			this.stories.update(author, UUID.fromString(id), new UpdateStory(null, "Edited", null, null, null, null));
			// a reader's request, on its own connection, reads the story before the edit
			// commits, and caches it after the edit's eviction
			assertThat(CompletableFuture.supplyAsync(() -> this.api.get("/v1/stories/racing-story").send().json())
				.join()
				.path("blurb")
				.asString()).isEmpty();
		});
		assertThat(this.api.get("/v1/stories/racing-story").send().json().path("blurb").asString()).isEqualTo("Edited");
	}

	@Test
	void publishingIsRateLimitedPerUser() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			ids.add(create("user_prolific", "Story " + i).path("id").asString());
		}
		for (int i = 0; i < 10; i++) {
			assertThat(this.api.post("/v1/stories/" + ids.get(i) + "/publish").as("user_prolific").send().status())
				.isEqualTo(200);
		}
		Api.Reply limited = this.api.post("/v1/stories/" + ids.get(10) + "/publish").as("user_prolific").send();
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.errorCode()).isEqualTo("RATE_LIMITED");
		assertThat(limited.header("Retry-After")).isNotNull();
		assertThat(this.api.post("/v1/stories/" + create("user_calm", "Calm").path("id").asString() + "/publish")
			.as("user_calm")
			.send()
			.status()).isEqualTo(200);
	}

	@Test
	void followingCursorsReturnsEveryStoryOnceWhileNewOnesArePublished() {
		Set<String> expected = new HashSet<>();
		for (int i = 0; i < 7; i++) {
			expected.add(publish("user_pager", create("user_pager", "Paged " + i).path("id").asString()).path("id")
				.asString());
		}
		List<String> seen = new ArrayList<>();
		String cursor = null;
		int round = 0;
		do {
			Api.Reply page = this.api.get("/v1/stories?page_size=3" + ((cursor != null) ? "&cursor=" + cursor : ""))
				.send();
			assertThat(page.status()).isEqualTo(200);
			page.json().path("data").forEach((story) -> seen.add(story.path("id").asString()));
			publish("user_newcomer", create("user_newcomer", "Newer " + round++).path("id").asString());
			cursor = page.json().path("next_cursor").isNull() ? null : page.json().path("next_cursor").asString();
		}
		while (cursor != null);
		assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void tamperedOrForeignCursorIsInvalidCursor() {
		for (int i = 0; i < 3; i++) {
			publish("user_cur", create("user_cur", "Cursor " + i).path("id").asString());
		}
		String cursor = this.api.get("/v1/stories?page_size=1").send().json().path("next_cursor").asString();
		// a character in the middle: each carries six bits of the token, where the last
		// one's
		// low bits may be padding the decoder ignores (ending "AB" became "AA": the same
		// token)
		int middle = cursor.length() / 2;
		String tampered = cursor.substring(0, middle) + ((cursor.charAt(middle) == 'A') ? 'B' : 'A')
				+ cursor.substring(middle + 1);
		Api.Reply reply = this.api.get("/v1/stories?cursor=" + tampered).send();
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.errorCode()).isEqualTo("INVALID_CURSOR");
		String ownCursor = this.api.get("/v1/me/stories?page_size=1")
			.as("user_cur")
			.send()
			.json()
			.path("next_cursor")
			.asString();
		assertThat(this.api.get("/v1/stories?cursor=" + ownCursor).send().errorCode()).isEqualTo("INVALID_CURSOR");
		assertThat(
				this.api.get("/v1/stories?page_size=101").send().json().path("error").path("details").has("page_size"))
			.isTrue();
	}

	@Test
	void pagingParametersOutOfRangeOrMalformedAreValidationErrorsNamingTheParameter() {
		Map<String, String> problems = new LinkedHashMap<>();
		problems.put("page_size=abc", "page_size: has the wrong type or format");
		problems.put("page_size=1.5", "page_size: has the wrong type or format");
		problems.put("page_size=99999999999", "page_size: has the wrong type or format");
		problems.put("page_size=0", "page_size: must be greater than or equal to 1");
		problems.put("page_size=101", "page_size: must be less than or equal to 100");
		problems.put("cursor=" + "a".repeat(513), "cursor: size must be between 0 and 512");
		problems.put("tag=" + "t".repeat(51), "tag: size must be between 0 and 50");
		problems.put("min_words=-1", "min_words: must be greater than or equal to 0");
		problems.forEach((query, problem) -> {
			Api.Reply reply = this.api.get("/v1/stories?" + query).send();
			assertThat(reply.status()).as(query).isEqualTo(400);
			assertThat(reply.errorCode()).as(query).isEqualTo("VALIDATION_FAILED");
			JsonNode details = reply.json().path("error").path("details");
			assertThat(details.size()).as(query).isEqualTo(1);
			String name = problem.substring(0, problem.indexOf(':'));
			assertThat(name + ": " + details.path(name).asString()).as(query).isEqualTo(problem);
		});
		for (String query : List.of("page_size=", "page_size=%205", "page_size=100")) {
			assertThat(this.api.get("/v1/stories?" + query).send().status()).as(query).isEqualTo(200);
		}
	}

	@Test
	void aPageCostsTheSameNumberOfStatementsWhateverItsSize() {
		for (int i = 0; i < 12; i++) {
			String author = "user_many_" + (i % 4);
			publish(author, create(author, "Many " + i, List.of("Tag " + i, "Common")).path("id").asString());
		}
		String token = this.api.token("user_reader");
		this.api.get("/v1/me").bearer(token).send();
		// let the listeners of the publish events finish, so that only the requests are
		// counted
		EventsHandled.await(this.jdbc);
		long one = this.statements.count(() -> this.api.get("/v1/stories?page_size=1").bearer(token).send());
		long twelve = this.statements.count(() -> this.api.get("/v1/stories?page_size=12").bearer(token).send());
		assertThat(twelve).isEqualTo(one);
		long filtered = this.statements
			.count(() -> this.api.get("/v1/stories?page_size=12&tag=common").bearer(token).send());
		assertThat(filtered).isLessThanOrEqualTo(one + 1);
		long mineOne = this.statements.count(() -> this.api.get("/v1/me/stories?page_size=1").as("user_many_0").send());
		long mineAll = this.statements
			.count(() -> this.api.get("/v1/me/stories?page_size=50").as("user_many_0").send());
		assertThat(mineAll).isEqualTo(mineOne);
	}

	@Test
	void deletingAnAccountDeletesItsStories() {
		String id = create("user_leaving", "Farewell", List.of("Goodbye")).path("id").asString();
		publish("user_leaving", id);
		assertThat(this.api.get("/v1/stories/farewell").send().status()).isEqualTo(200);
		UUID author = UUID.fromString(create("user_leaving", "Second").path("author").path("id").asString());
		this.transactions.executeWithoutResult((tx) -> this.events.publishEvent(new UserDeleted(author)));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.api.get("/v1/stories/farewell").send().status()).isEqualTo(404));
		assertThat(this.api.get("/v1/tags").send().json().path("data").size()).isZero();
	}

	private JsonNode create(String user, String title) {
		return create(user, title, List.of());
	}

	private JsonNode create(String user, String title, List<String> tags) {
		Api.Reply reply = this.api.post("/v1/stories").as(user).json(Map.of("title", title, "tags", tags)).send();
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json();
	}

	private JsonNode publish(String user, String storyId) {
		Api.Reply reply = this.api.post("/v1/stories/" + storyId + "/publish").as(user).send();
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json();
	}

	private static List<String> slugsOf(Api.Reply page) {
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		List<String> slugs = new ArrayList<>();
		page.json().path("data").forEach((story) -> slugs.add(story.path("slug").asString()));
		return slugs;
	}

}
