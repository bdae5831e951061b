package com.muejam.support;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Content made through the API for tests of the modules that build on stories.
 */
public final class Fixtures {

	private final Api api;

	public Fixtures(Api api) {
		this.api = api;
	}

	/**
	 * A published story with one published chapter.
	 * @param author the author's subject
	 * @param title the story title
	 * @param content the chapter's markdown
	 * @return the story and chapter ids
	 */
	public Published publishedChapter(String author, String title, String content) {
		String story = publishedStory(author, title, List.of());
		String chapter = chapter(author, story, "Chapter", content);
		assertThat(this.api.post("/v1/chapters/" + chapter + "/publish").as(author).send().status()).isEqualTo(200);
		return new Published(story, chapter);
	}

	public String publishedStory(String author, String title, List<String> tags) {
		Api.Reply created = this.api.post("/v1/stories").as(author).json(Map.of("title", title, "tags", tags)).send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().path("id").asString();
		assertThat(this.api.post("/v1/stories/" + id + "/publish").as(author).send().status()).isEqualTo(200);
		return id;
	}

	public String chapter(String author, String storyId, String title, String content) {
		Api.Reply chapter = this.api.post("/v1/stories/" + storyId + "/chapters")
			.as(author)
			.json(Map.of("title", title, "content", content))
			.send();
		assertThat(chapter.status()).as(chapter.toString()).isEqualTo(201);
		return chapter.json().path("id").asString();
	}

	public JsonNode me(String subject) {
		return this.api.get("/v1/me").as(subject).send().json();
	}

	/**
	 * @param storyId the story
	 * @param chapterId its published chapter
	 */
	public record Published(String storyId, String chapterId) {
	}

}
