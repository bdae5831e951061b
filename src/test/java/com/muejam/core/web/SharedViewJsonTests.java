package com.muejam.core.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.muejam.core.cache.CacheNames;
import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A story or chapter served from the cache in this process is written as JSON once, not
 * once per reader; the bytes are those the JSON converter writes, and a change is written
 * anew.
 */
@IntegrationTest
class SharedViewJsonTests {

	@Autowired
	Api api;

	@Autowired
	SharedViewJson json;

	@Autowired
	JsonMapper mapper;

	@Autowired
	CacheManager caches;

	@Test
	void aCachedChapterIsWrittenOnceForEveryReader() {
		Fixtures.Published published = new Fixtures(this.api).publishedChapter("user_shared_writer", "Shared",
				"The *same* words for everyone: \"quoted\", ünïcode, \u2028.");
		String path = "/v1/chapters/" + published.chapterId();
		Api.Reply first = this.api.get(path).send();
		long written = this.json.stats().missCount();
		long reused = this.json.stats().hitCount();
		Api.Reply signedOut = this.api.get(path).send();
		Api.Reply signedIn = this.api.get(path).as("user_shared_reader").send();
		// nothing written again, the first read's bytes reused
		assertThat(this.json.stats().missCount()).isEqualTo(written);
		assertThat(this.json.stats().hitCount()).isGreaterThanOrEqualTo(reused + 4);
		assertThat(signedOut.bytes()).isEqualTo(first.bytes());
		assertThat(signedIn.bytes()).isEqualTo(first.bytes());
		assertThat(signedOut.header("Content-Type")).isEqualTo("application/json");
		assertThat(signedOut.header("Content-Length")).isEqualTo(String.valueOf(first.bytes().length));
		// the same bytes as the JSON converter's: read from the database anew, written by
		// the mapper
		this.caches.getCache(CacheNames.CHAPTERS).clear();
		assertThat(this.api.get(path).send().bytes()).isEqualTo(first.bytes());
		assertThat(this.mapper.readTree(first.bytes()).path("content").asString())
			.isEqualTo("The *same* words for everyone: \"quoted\", ünïcode, \u2028.");
	}

	@Test
	void aCachedStoryIsWrittenOnceAndAChangeAnew() {
		Fixtures fixtures = new Fixtures(this.api);
		Fixtures.Published published = fixtures.publishedChapter("user_shared_author", "Shared story", "Text.");
		String path = "/v1/stories/" + published.storyId();
		Api.Reply first = this.api.get(path).send();
		long written = this.json.stats().missCount();
		long reused = this.json.stats().hitCount();
		assertThat(this.api.get(path).send().bytes()).isEqualTo(first.bytes());
		assertThat(this.json.stats().missCount()).isEqualTo(written);
		assertThat(this.json.stats().hitCount()).isGreaterThan(reused);
		fixtures.editStory("user_shared_author", published.storyId(), Map.of("title", "Renamed"));
		assertThat(this.api.get(path).send().json().path("title").asString()).isEqualTo("Renamed");
	}

	@Test
	void theStoriesOfPagesAreWrittenOnceForEveryPageAndReader() {
		Fixtures fixtures = new Fixtures(this.api);
		String author = "user_shared_pages";
		List<String> ids = List.of(fixtures.publishedStory(author, "Paged one", List.of("shared-pages")),
				fixtures.publishedStory(author, "Paged \"two\", ünïcode", List.of()));
		String list = "/v1/stories?author=" + fixtures.me(author).path("handle").asString();
		String shelf = "/v1/library/shelves/" + fixtures.shelf("user_shared_shelver", "Shared") + "/items";
		ids.forEach((id) -> assertThat(
				this.api.post(shelf).as("user_shared_shelver").json(Map.of("story_id", id)).send().status())
			.isEqualTo(201));
		Api.Reply firstList = this.api.get(list).as("user_shared_lister").send();
		Api.Reply firstShelf = this.api.get(shelf).as("user_shared_shelver").send();
		long written = this.json.stats().missCount();
		long reused = this.json.stats().hitCount();
		Api.Reply list2 = this.api.get(list).as("user_shared_lister").send();
		Api.Reply shelf2 = this.api.get(shelf).as("user_shared_shelver").send();
		// the stories read from the cache, their JSON from the first pages
		assertThat(this.json.stats().missCount()).isEqualTo(written);
		assertThat(this.json.stats().hitCount()).isGreaterThanOrEqualTo(reused + 4);
		assertThat(list2.bytes()).isEqualTo(firstList.bytes());
		assertThat(shelf2.bytes()).isEqualTo(firstShelf.bytes());
		assertThat(list2.json().path("data").size()).isEqualTo(2);
		assertThat(shelf2.json().path("data").size()).isEqualTo(2);
		// each story in them as its own response writes it, byte for byte
		for (String id : ids) {
			String story = new String(this.api.get("/v1/stories/" + id).send().bytes(), StandardCharsets.UTF_8);
			assertThat(new String(list2.bytes(), StandardCharsets.UTF_8)).contains(story);
			// a shelf item is the story's fields and when it was added
			assertThat(new String(shelf2.bytes(), StandardCharsets.UTF_8))
				.contains(story.substring(0, story.length() - 1) + ",\"added_at\":");
		}
		// a change shows at once
		fixtures.editStory(author, ids.get(0), Map.of("title", "Paged anew"));
		assertThat(this.api.get(list).as("user_shared_lister").send().json().path("data").findValuesAsString("title"))
			.contains("Paged anew");
		assertThat(this.api.get(shelf).as("user_shared_shelver").send().json().path("data").findValuesAsString("title"))
			.contains("Paged anew");
	}

}
