package com.muejam.discovery;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.muejam.support.EventsHandled;
import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;
import com.muejam.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Authors' statistics: what they count, what they never show, and who sees them.
 */
@IntegrationTest
class AuthorStatsTests {

	private static final String AUTHOR = "user_author";

	private static final String TEXT = "word ".repeat(40).strip();

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatementCounter statements;

	private String storyId = "";

	private String first = "";

	private String second = "";

	@BeforeEach
	void aStoryWithReaders() {
		Fixtures.Published published = this.fixtures.publishedChapter(AUTHOR, "Counted", TEXT);
		this.storyId = published.storyId();
		this.first = published.chapterId();
		this.second = this.fixtures.chapter(AUTHOR, this.storyId, "Two", TEXT);
		assertThat(this.api.post("/v1/chapters/" + this.second + "/publish").as(AUTHOR).send().status()).isEqualTo(200);
		// three readers finish chapter one, two of them start chapter two
		for (String reader : List.of("user_r1", "user_r2", "user_r3")) {
			progress(reader, this.first, TEXT.length());
		}
		progress("user_r1", this.second, 5);
		progress("user_r2", this.second, 5);
		// the author's own reading never counts
		progress(AUTHOR, this.first, TEXT.length());
		String shelf = this.fixtures.shelf("user_r4", "Later");
		this.api.post("/v1/library/shelves/" + shelf + "/items")
			.as("user_r4")
			.json(Map.of("story_id", this.storyId))
			.send();
		String authorId = this.fixtures.me(AUTHOR).path("id").asString();
		this.api.post("/v1/users/" + authorId + "/follow").as("user_r1").send();
		EventsHandled.await(this.jdbc);
	}

	@Test
	void aStorysDaysCountReadsReadersCompletionsAndSavesAndItsFunnelShowsWhereReadersStop() {
		JsonNode stats = ok(this.api.get("/v1/me/stories/" + this.storyId + "/stats").as(AUTHOR).send());
		assertThat(stats.path("days").size()).isEqualTo(30);
		JsonNode today = stats.path("days").get(29);
		assertThat(today.path("date").asString()).isEqualTo(today().toString());
		JsonNode counts = today.path("counts");
		// five chapter reads, three readers, three completed a chapter; one save shows as
		// "<3"
		assertThat(counts.path("reads").asInt()).isEqualTo(5);
		assertThat(counts.path("unique_readers").asInt()).isEqualTo(3);
		assertThat(counts.path("completions").asInt()).isEqualTo(3);
		assertThat(counts.path("saves").asString()).isEqualTo("<3");
		assertThat(counts.path("likes").asInt()).isZero();
		assertThat(counts.path("new_followers").isNull()).isTrue();
		assertThat(stats.path("totals").path("reads").asInt()).isEqualTo(5);
		assertThat(stats.path("days").get(0).path("counts").path("reads").asInt()).isZero();
		JsonNode funnel = stats.path("funnel");
		assertThat(funnel.size()).isEqualTo(2);
		assertThat(funnel.get(0).path("readers").asInt()).isEqualTo(3);
		assertThat(funnel.get(1).path("readers").asString()).isEqualTo("<3");
		assertThat(stats.toString()).doesNotContain("user_r1", this.fixtures.me("user_r1").path("id").asString());
	}

	@Test
	void anAuthorsDaysAddUpTheirStoriesAndTheirNewFollowers() {
		JsonNode stats = ok(
				this.api.get("/v1/me/stats?from=" + today().minusDays(6) + "&to=" + today()).as(AUTHOR).send());
		assertThat(stats.path("days").size()).isEqualTo(7);
		JsonNode counts = stats.path("days").get(6).path("counts");
		assertThat(counts.path("reads").asInt()).isEqualTo(5);
		assertThat(counts.path("new_followers").asString()).isEqualTo("<3");
		assertThat(stats.path("funnel").isNull()).isTrue();
		// a reader with no stories has zeros
		JsonNode reader = ok(this.api.get("/v1/me/stats").as("user_r1").send());
		assertThat(reader.path("totals").path("reads").asInt()).isZero();
	}

	@Test
	void onlyTheAuthorSeesAStorysStatistics() {
		assertThat(this.api.get("/v1/me/stories/" + this.storyId + "/stats").as("user_r1").send().errorCode())
			.isEqualTo("FORBIDDEN");
		String draft = this.api.post("/v1/stories")
			.as("user_other")
			.json(Map.of("title", "Secret"))
			.send()
			.json()
			.path("id")
			.asString();
		assertThat(this.api.get("/v1/me/stories/" + draft + "/stats").as("user_r1").send().status()).isEqualTo(404);
		assertThat(this.api.get("/v1/me/stories/" + draft + "/stats").as("user_other").send().status()).isEqualTo(200);
		assertThat(this.api.get("/v1/me/stories/00000000-0000-0000-0000-000000000001/stats").as(AUTHOR).send().status())
			.isEqualTo(404);
		assertThat(this.api.get("/v1/me/stats").send().status()).isEqualTo(401);
	}

	@Test
	void rangesAreDaysAtMostAYearLong() {
		for (String range : List.of("from=2026-02-01&to=2026-01-01", "from=2025-01-01&to=2026-01-02", "from=yesterday",
				"to=2026-13-01", "from=%2B5874898-01-01&to=%2B5874898-01-02", "from=%2B10000-01-01&to=%2B10000-01-02",
				"from=-4714-01-01&to=-4714-01-02")) {
			Api.Reply reply = this.api.get("/v1/me/stats?" + range).as(AUTHOR).send();
			assertThat(reply.status()).as(range).isEqualTo(400);
			assertThat(reply.errorCode()).as(range).isEqualTo("VALIDATION_FAILED");
		}
		assertThat(ok(this.api.get("/v1/me/stats?from=2025-01-01&to=2026-01-01").as(AUTHOR).send()).path("days").size())
			.isEqualTo(366);
	}

	@Test
	void aYearOfStatisticsCostsAFixedNumberOfStatements() {
		String token = this.api.token(AUTHOR);
		String year = "?from=" + today().minusDays(365) + "&to=" + today();
		// the days (and for a story its owner and funnel); the sign-in is remembered
		assertThat(this.statements.count(() -> this.api.get("/v1/me/stats" + year).bearer(token).send())).isEqualTo(1);
		assertThat(this.statements
			.count(() -> this.api.get("/v1/me/stories/" + this.storyId + "/stats" + year).bearer(token).send()))
			.isEqualTo(3);
	}

	private void progress(String reader, String chapter, int offset) {
		Api.Reply reply = this.api.post("/v1/chapters/" + chapter + "/progress")
			.as(reader)
			.json(Map.of("offset", offset))
			.send();
		assertThat(reply.status()).as(reply.toString()).isBetween(200, 201);
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

	private static JsonNode ok(Api.Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json();
	}

}
