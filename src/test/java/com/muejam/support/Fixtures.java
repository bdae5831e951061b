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

	public void editStory(String author, String storyId, Map<String, Object> changes) {
		Api.Reply edited = this.api.put("/v1/stories/" + storyId).as(author).json(changes).send();
		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
	}

	/** A signed-out read that must succeed: its JSON. */
	public JsonNode read(String path) {
		Api.Reply reply = this.api.get(path).send();
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json();
	}

	public String chapter(String author, String storyId, String title, String content) {
		Api.Reply chapter = this.api.post("/v1/stories/" + storyId + "/chapters")
			.as(author)
			.json(Map.of("title", title, "content", content))
			.send();
		assertThat(chapter.status()).as(chapter.toString()).isEqualTo(201);
		return chapter.json().path("id").asString();
	}

	public String shelf(String owner, String name) {
		Api.Reply created = this.api.post("/v1/library/shelves").as(owner).json(Map.of("name", name)).send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asString();
	}

	/**
	 * Switches a reader's digest off, so replies, followers and new chapters are emailed
	 * one at a time (the default weekly digest gathers them instead).
	 * @param subject the reader
	 */
	public void singleEmails(String subject) {
		Api.Reply changed = this.api.put("/v1/me").as(subject).json(Map.of("digest", "off")).send();
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
	}

	public JsonNode me(String subject) {
		return this.api.get("/v1/me").as(subject).send().json();
	}

	/**
	 * @param storyId the story
	 * @param chapterId its published chapter
	 */
	/**
	 * An object uploaded through a presigned URL, as a client does it.
	 * @param user the uploader's subject
	 * @param type avatar, cover or whisper_media
	 * @param contentType the declared image type
	 * @param bytes the bytes sent
	 * @return the object key
	 */
	public String upload(String user, String type, String contentType, byte[] bytes) {
		JsonNode presigned = this.api.post("/v1/uploads/presign")
			.as(user)
			.json(Map.of("type", type, "content_type", contentType, "content_length", bytes.length))
			.send()
			.json();
		assertThat(this.api.put(presigned.path("url").asString()).bytes(contentType, bytes).send().status())
			.isEqualTo(200);
		return presigned.path("object_key").asString();
	}

	/**
	 * The first bytes of a PNG file followed by {@code length - 8} zeros.
	 * @param length the total size
	 * @return the bytes
	 */
	public static byte[] png(int length) {
		byte[] bytes = new byte[length];
		System.arraycopy(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }, 0, bytes, 0, 8);
		return bytes;
	}

	/**
	 * The first bytes of a JPEG file followed by zeros.
	 * @param length the total size
	 * @return the bytes
	 */
	public static byte[] jpeg(int length) {
		byte[] bytes = new byte[length];
		System.arraycopy(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }, 0, bytes, 0, 4);
		return bytes;
	}

	public record Published(String storyId, String chapterId) {
	}

}
