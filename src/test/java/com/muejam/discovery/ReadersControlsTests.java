package com.muejam.discovery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers' controls on every surface where a reader meets stories: the public list, a tag
 * page, an author page, Discover's three tabs, search and suggestions.
 */
@IntegrationTest
class ReadersControlsTests {

	private static final String READER = "user_reader";

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	DiscoveryJobs jobs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAuthorRatesAStoryAndWarnsAboutItsContent() {
		Api.Reply created = this.api.post("/v1/stories")
			.as("user_author")
			.json(Map.of("title", "Harbor Nights", "rating", "teen", "content_warnings", List.of("violence", "death")))
			.send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().path("rating").asString()).isEqualTo("teen");
		assertThat(strings(created.json().path("content_warnings"))).containsExactly("death", "violence");
		assertThat(created.json().path("gated").asBoolean()).isFalse();
		String id = created.json().path("id").asString();
		Api.Reply updated = this.api.put("/v1/stories/" + id).as("user_author").json(Map.of("rating", "Mature")).send();
		assertThat(updated.json().path("rating").asString()).isEqualTo("mature");
		assertThat(strings(updated.json().path("content_warnings"))).containsExactly("death", "violence");
		// a story without a rating is general
		String plain = this.fixtures.publishedStory("user_author", "Plain Sailing", List.of());
		assertThat(this.api.get("/v1/stories/" + plain).send().json().path("rating").asString()).isEqualTo("general");
		Api.Reply badRating = this.api.put("/v1/stories/" + id)
			.as("user_author")
			.json(Map.of("rating", "adult"))
			.send();
		assertThat(badRating.status()).isEqualTo(400);
		assertThat(badRating.json().path("error").path("details").toString()).contains("rating");
		Api.Reply badWarning = this.api.put("/v1/stories/" + id)
			.as("user_author")
			.json(Map.of("content_warnings", List.of("spiders")))
			.send();
		assertThat(badWarning.status()).isEqualTo(400);
		assertThat(badWarning.json().path("error").path("details").toString()).contains("content_warnings");
	}

	@Test
	void storiesAboveTheReadersLimitAreLeftOutOfEverySurfaceUntilTheyRaiseIt() {
		this.fixtures.publishedStory("user_w1", "Calm Harbor", List.of("Seaside"));
		String mature = rated(this.fixtures.publishedStory("user_w2", "Dark Harbor", List.of("Seaside")), "mature");
		String explicit = rated(this.fixtures.publishedStory("user_w3", "Red Harbor", List.of("Seaside")), "explicit");
		trending(mature, explicit);
		this.fixtures.me(READER);
		// anonymous readers and readers who kept the default (teen) see neither
		for (String viewer : new String[] { null, READER }) {
			assertThat(everySurface(viewer, "Harbor", "seaside")).as(String.valueOf(viewer))
				.allSatisfy((surface, titles) -> assertThat(titles).as(surface)
					.contains("Calm Harbor")
					.doesNotContain("Dark Harbor", "Red Harbor"));
		}
		preferences(READER, Map.of("content_filter", Map.of("max_rating", "mature")));
		assertThat(everySurface(READER, "Harbor", "seaside"))
			.allSatisfy((surface, titles) -> assertThat(titles).as(surface)
				.contains("Calm Harbor", "Dark Harbor")
				.doesNotContain("Red Harbor"));
	}

	@Test
	void aDirectLinkToAGatedStoryAnswersWithWhatItIsAndItsChaptersAreRefused() {
		Fixtures.Published published = this.fixtures.publishedChapter("user_w2", "Dark Harbor", "The storm broke.");
		rated(published.storyId(), "explicit");
		this.api.put("/v1/stories/" + published.storyId())
			.as("user_w2")
			.json(Map.of("content_warnings", List.of("violence"), "blurb", "What the storm left."))
			.send();
		for (String viewer : new String[] { null, READER }) {
			Api.Reply story = get("/v1/stories/" + published.storyId(), viewer);
			assertThat(story.status()).isEqualTo(200);
			assertThat(story.json().path("gated").asBoolean()).isTrue();
			assertThat(story.json().path("title").asString()).isEqualTo("Dark Harbor");
			assertThat(story.json().path("rating").asString()).isEqualTo("explicit");
			assertThat(strings(story.json().path("content_warnings"))).containsExactly("violence");
			assertThat(story.json().path("blurb").asString()).isEmpty();
			Api.Reply chapter = get("/v1/chapters/" + published.chapterId(), viewer);
			assertThat(chapter.status()).isEqualTo(403);
			assertThat(chapter.errorCode()).isEqualTo("RATING_GATED");
			assertThat(get("/v1/stories/" + published.storyId() + "/chapters", viewer).errorCode())
				.isEqualTo("RATING_GATED");
		}
		// the author always sees their own story
		Api.Reply own = get("/v1/stories/" + published.storyId(), "user_w2");
		assertThat(own.json().path("gated").asBoolean()).isFalse();
		assertThat(own.json().path("blurb").asString()).isEqualTo("What the storm left.");
		assertThat(get("/v1/chapters/" + published.chapterId(), "user_w2").status()).isEqualTo(200);
		preferences(READER, Map.of("content_filter", Map.of("max_rating", "explicit")));
		Api.Reply story = get("/v1/stories/" + published.storyId(), READER);
		assertThat(story.json().path("gated").asBoolean()).isFalse();
		assertThat(story.json().path("blurb").asString()).isEqualTo("What the storm left.");
		assertThat(get("/v1/chapters/" + published.chapterId(), READER).json().path("content").asString())
			.isEqualTo("The storm broke.");
	}

	@Test
	void mutedTagsAndAuthorsLeaveEverySurfaceButThePageAskedFor() {
		this.fixtures.publishedStory("user_w1", "Calm Harbor", List.of("Seaside"));
		String spooky = this.fixtures.publishedStory("user_w2", "Haunted Harbor", List.of("Seaside", "Horror"));
		String loud = this.fixtures.publishedStory("user_loud", "Loud Harbor", List.of("Seaside"));
		trending(spooky, loud);
		String loudId = this.fixtures.me("user_loud").path("id").asString();
		this.fixtures.me(READER);
		assertThat(everySurface(READER, "Harbor", "seaside")).allSatisfy((surface,
				titles) -> assertThat(titles).as(surface).contains("Calm Harbor", "Haunted Harbor", "Loud Harbor"));
		preferences(READER, Map.of("muted_tags", List.of("Horror")));
		assertThat(this.api.post("/v1/users/" + loudId + "/mute").as(READER).send().status()).isEqualTo(200);
		assertThat(everySurface(READER, "Harbor", "seaside"))
			.allSatisfy((surface, titles) -> assertThat(titles).as(surface)
				.contains("Calm Harbor")
				.doesNotContain("Haunted Harbor", "Loud Harbor"));
		// asking for the muted tag's page, or the muted author's, still shows them
		assertThat(titles(get("/v1/stories?tag=horror", READER))).containsExactly("Haunted Harbor");
		String handle = this.fixtures.me("user_loud").path("handle").asString();
		assertThat(titles(get("/v1/stories?author=" + handle, READER))).containsExactly("Loud Harbor");
		// and a direct link is not gated by a mute
		assertThat(get("/v1/stories/" + spooky, READER).json().path("gated").asBoolean()).isFalse();
	}

	@Test
	void preferencesHaveDefaultsChangeFieldByFieldAndAreValidated() {
		assertThat(this.api.get("/v1/me/preferences").send().status()).isEqualTo(401);
		JsonNode defaults = get("/v1/me/preferences", READER).json();
		assertThat(defaults.path("content_filter").path("max_rating").asString()).isEqualTo("teen");
		assertThat(defaults.path("muted_tags").size()).isZero();
		assertThat(defaults.path("hide_read_by_default").asBoolean()).isFalse();
		JsonNode changed = preferences(READER, Map.of("muted_tags", List.of("Slow-Burn", "horror")));
		assertThat(strings(changed.path("muted_tags"))).containsExactly("horror", "slow-burn");
		assertThat(changed.path("content_filter").path("max_rating").asString()).isEqualTo("teen");
		changed = preferences(READER, Map.of("content_filter", Map.of("max_rating", "general")));
		assertThat(strings(changed.path("muted_tags"))).containsExactly("horror", "slow-burn");
		assertThat(strings(get("/v1/me/preferences", READER).json().path("muted_tags"))).containsExactly("horror",
				"slow-burn");
		List<String> tooMany = new ArrayList<>(Collections.nCopies(201, "tag"));
		for (Map<String, Object> invalid : List.<Map<String, Object>>of(Map.of("muted_tags", tooMany),
				Map.of("muted_tags", List.of("not a slug!")), Map.of("content_filter", Map.of("max_rating", "R")),
				Map.of("muted_tags", "horror"), Map.of("hide_read_by_default", "maybe"))) {
			Api.Reply reply = this.api.put("/v1/me/preferences").as(READER).json(invalid).send();
			assertThat(reply.status()).as(invalid.toString()).isEqualTo(400);
			assertThat(reply.errorCode()).isEqualTo("VALIDATION_FAILED");
		}
	}

	@Test
	void finishedStoriesLeaveDiscoverAndSearchWhenTheReaderAsks() {
		Fixtures.Published read = this.fixtures.publishedChapter("user_w1", "Read Harbor", "The end of it all.");
		Fixtures.Published fresh = this.fixtures.publishedChapter("user_w2", "Fresh Harbor", "A beginning.");
		trending(read.storyId(), fresh.storyId());
		// the reader finishes the only chapter (90% of it or more)
		Api.Reply progress = this.api.post("/v1/chapters/" + read.chapterId() + "/progress")
			.as(READER)
			.json(Map.of("offset", 18))
			.send();
		assertThat(progress.status()).as(progress.toString()).isBetween(200, 201);
		assertThat(discoverAndSearch(READER, ""))
			.allSatisfy((surface, titles) -> assertThat(titles).as(surface).contains("Read Harbor", "Fresh Harbor"));
		assertThat(discoverAndSearch(READER, "hide_read=true")).allSatisfy((surface,
				titles) -> assertThat(titles).as(surface).contains("Fresh Harbor").doesNotContain("Read Harbor"));
		// anonymous callers have read nothing
		assertThat(discoverAndSearch(null, "hide_read=true"))
			.allSatisfy((surface, titles) -> assertThat(titles).as(surface).contains("Read Harbor", "Fresh Harbor"));
		preferences(READER, Map.of("hide_read_by_default", true));
		assertThat(discoverAndSearch(READER, ""))
			.allSatisfy((surface, titles) -> assertThat(titles).as(surface).doesNotContain("Read Harbor"));
		assertThat(discoverAndSearch(READER, "hide_read=false"))
			.allSatisfy((surface, titles) -> assertThat(titles).as(surface).contains("Read Harbor"));
		// a new chapter makes the story unfinished again
		String next = this.fixtures.chapter("user_w1", read.storyId(), "More", "It goes on.");
		assertThat(this.api.post("/v1/chapters/" + next + "/publish").as("user_w1").send().status()).isEqualTo(200);
		assertThat(discoverAndSearch(READER, ""))
			.allSatisfy((surface, titles) -> assertThat(titles).as(surface).contains("Read Harbor"));
		Api.Reply invalid = get("/v1/discover?tab=new&hide_read=maybe", READER);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.errorCode()).isEqualTo("VALIDATION_FAILED");
	}

	/**
	 * The titles Discover's tabs and search show the viewer, with extra query parameters.
	 */
	private Map<String, List<String>> discoverAndSearch(String viewer, String parameters) {
		String extra = parameters.isEmpty() ? "" : "&" + parameters;
		Map<String, List<String>> surfaces = new java.util.LinkedHashMap<>();
		surfaces.put("discover new", titles(get("/v1/discover?tab=new" + extra, viewer)));
		surfaces.put("discover trending", titles(get("/v1/discover?tab=trending" + extra, viewer)));
		if (viewer != null) {
			surfaces.put("discover for you", titles(get("/v1/discover?tab=for_you" + extra, viewer)));
		}
		surfaces.put("search", titles(get("/v1/search?q=Harbor" + extra, viewer)));
		return surfaces;
	}

	@Test
	void chaptersAndStoriesShowTheirLengthAndListsFilterByIt() {
		Fixtures.Published longer = this.fixtures.publishedChapter("user_w1", "Long Harbor",
				String.join(" ", Collections.nCopies(231, "wave")));
		this.fixtures.publishedChapter("user_w2", "Short Harbor", "Ten words: the sea was calm and so was I.");
		JsonNode chapter = get("/v1/chapters/" + longer.chapterId(), READER).json();
		assertThat(chapter.path("word_count").asInt()).isEqualTo(231);
		// 231 / 230 words a minute, rounded up
		assertThat(chapter.path("reading_minutes").asInt()).isEqualTo(2);
		JsonNode summary = get("/v1/stories/" + longer.storyId() + "/chapters", READER).json().path("data").get(0);
		assertThat(summary.path("reading_minutes").asInt()).isEqualTo(2);
		JsonNode story = get("/v1/stories/" + longer.storyId(), READER).json();
		assertThat(story.path("word_count").asInt()).isEqualTo(231);
		assertThat(story.path("reading_minutes").asInt()).isEqualTo(2);
		assertThat(titles(get("/v1/stories?min_words=100", READER))).containsExactly("Long Harbor");
		assertThat(titles(get("/v1/stories?max_words=100", READER))).containsExactly("Short Harbor");
		assertThat(titles(get("/v1/stories?min_words=10&max_words=231", READER))).containsExactly("Short Harbor",
				"Long Harbor");
		for (String invalid : List.of("min_words=-1", "max_words=abc", "min_words=300&max_words=100")) {
			Api.Reply reply = get("/v1/stories?" + invalid, READER);
			assertThat(reply.status()).as(invalid).isEqualTo(400);
			assertThat(reply.errorCode()).as(invalid).isEqualTo("VALIDATION_FAILED");
		}
	}

	/** The titles each surface shows the viewer: lists, Discover's tabs, search. */
	private Map<String, List<String>> everySurface(String viewer, String word, String tag) {
		Map<String, List<String>> surfaces = new java.util.LinkedHashMap<>();
		surfaces.put("public list", titles(get("/v1/stories", viewer)));
		surfaces.put("tag page", titles(get("/v1/stories?tag=" + tag, viewer)));
		surfaces.put("discover new", titles(get("/v1/discover?tab=new", viewer)));
		surfaces.put("discover trending", titles(get("/v1/discover?tab=trending", viewer)));
		if (viewer != null) {
			surfaces.put("discover for you", titles(get("/v1/discover?tab=for_you", viewer)));
		}
		surfaces.put("search", titles(get("/v1/search?q=" + word, viewer)));
		JsonNode suggestions = get("/v1/search/suggest?q=" + word.toLowerCase(), viewer).json().path("stories");
		List<String> suggested = new ArrayList<>();
		suggestions.forEach((s) -> suggested.add(s.path("title").asString()));
		surfaces.put("suggestions", suggested);
		return surfaces;
	}

	private String rated(String storyId, String rating) {
		String author = this.jdbc
			.sql("select u.clerk_user_id from stories s join user_profiles u on u.id = s.author_id"
					+ " where s.id = :id::uuid")
			.param("id", storyId)
			.query(String.class)
			.single();
		Api.Reply reply = this.api.put("/v1/stories/" + storyId).as(author).json(Map.of("rating", rating)).send();
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return storyId;
	}

	/**
	 * Every story engaged with, so that Trending (and For You's cold start) has them all.
	 */
	private void trending(String... storyIds) {
		this.jdbc.sql("""
				insert into story_engagements (story_id, kind, created_at)
				select id, 'SAVE', now() from stories where published""").update();
		this.jobs.recomputeTrending();
	}

	private JsonNode preferences(String subject, Map<String, Object> changes) {
		Api.Reply reply = this.api.put("/v1/me/preferences").as(subject).json(changes).send();
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json();
	}

	private Api.Reply get(String path, String viewer) {
		Api.Call call = this.api.get(path);
		return ((viewer != null) ? call.as(viewer) : call).send();
	}

	private static List<String> titles(Api.Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		List<String> titles = new ArrayList<>();
		reply.json().path("data").forEach((item) -> {
			JsonNode story = item.has("story") ? item.path("story") : item;
			titles.add(story.path("title").asString());
		});
		return titles;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

}
