package com.muejam.core.web;

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
		assertThat(this.json.stats().hitCount()).isGreaterThanOrEqualTo(reused + 2);
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

}
