package com.muejam.stories;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An author's edit that loaded the content before a moderator hid it never un-hides it:
 * saving writes only what the author may change.
 */
@IntegrationTest
class ModerationRaceTests {

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	StoryRepository stories;

	@Autowired
	ChapterRepository chapters;

	@Autowired
	StoryService storyService;

	@Autowired
	ChapterService chapterService;

	@Test
	void anEditLoadedBeforeAStoryWasHiddenKeepsItHidden() {
		String id = this.fixtures.publishedStory("user_author", "Racing Story", List.of());
		Story loaded = this.stories.findById(UUID.fromString(id)).orElseThrow();
		this.storyService.hide(loaded.id());
		loaded.retitle("Racing Story, Revised", loaded.slug(), Instant.now());
		this.stories.save(loaded);
		assertThat(this.stories.findById(loaded.id()).orElseThrow().title()).isEqualTo("Racing Story, Revised");
		assertThat(this.api.get("/v1/stories/" + loaded.slug()).send().status()).isEqualTo(404);
		assertThat(this.api.get("/v1/stories").send().json().path("data")).isEmpty();
	}

	@Test
	void anEditLoadedBeforeAChapterWasHiddenKeepsItHidden() {
		Fixtures.Published published = this.fixtures.publishedChapter("user_author", "Racing Book", "First words.");
		Chapter loaded = this.chapters.findById(UUID.fromString(published.chapterId())).orElseThrow();
		this.chapterService.hide(loaded.id());
		loaded.retitle("Revised", Instant.now());
		this.chapters.save(loaded);
		assertThat(this.chapters.findById(loaded.id()).orElseThrow().title()).isEqualTo("Revised");
		Api.Reply read = this.api.get("/v1/chapters/" + published.chapterId()).send();
		assertThat(read.status()).as(read.toString()).isEqualTo(404);
	}

}
