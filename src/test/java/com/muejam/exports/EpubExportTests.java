package com.muejam.exports;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;
import com.muejam.users.UserDeleted;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stories as EPUB books: valid by the W3C's EPUBCheck, holding only what readers can see,
 * made once per revision, and limited per reader.
 */
@IntegrationTest
class EpubExportTests {

	private static final String AUTHOR = "user_epub_author";

	private static final String TITLE = "Ça fait « rêver » — 夢の灯台 🌙 & <friends>";

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void aStoryOfAHundredChaptersWithUnicodeAndImagesIsAValidBook() throws IOException {
		String cover = this.fixtures.upload(AUTHOR, "cover", "image/png", image("png"));
		String photo = this.fixtures.upload(AUTHOR, "whisper_media", "image/jpeg", image("jpg"));
		// a whisper references it: its bytes are checked, and books may carry it
		assertThat(this.api.post("/v1/whispers")
			.as(AUTHOR)
			.json(Map.of("content", "A photo", "media_key", photo))
			.send()
			.status()).isEqualTo(201);
		String storyId = story(TITLE, cover);
		String coverUrl = this.api.get("/v1/stories/" + storyId).send().json().path("cover_url").asString();
		String photoUrl = coverUrl.replace(cover, photo);
		List<String> chapters = new ArrayList<>();
		for (int i = 1; i <= 100; i++) {
			String content = switch (i) {
				case 1 ->
					"Opening *line* with the cover ![the cover](" + coverUrl + ") and a [link](https://example.com).";
				case 2 -> "A photo: ![a photo](" + photoUrl + ")\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n> quoted\n\n"
						+ "```java\nint x = 1 < 2 ? 3 : 4;\n```\n\n~~gone~~\n\n---\n\n1. one\n2. two";
				case 3 -> "Elsewhere: ![far away](https://images.example.com/far.png) and control \u0001 characters";
				default -> "Chapter " + i + " — «ça» 夢 ".repeat(20);
			};
			chapters.add(this.fixtures.chapter(AUTHOR, storyId, "第" + i + "章: Kapitel " + i + " & more", content));
		}
		publishAll(storyId);
		this.fixtures.chapter(AUTHOR, storyId, "A draft never exported", "secret draft text");

		Api.Reply reply = this.api.get("/v1/stories/" + storyId + "/export.epub").as("user_epub_reader").send();

		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.header("Content-Type")).isEqualTo("application/epub+zip");
		assertThat(reply.header("Content-Disposition")).startsWith("attachment;").contains(".epub");
		EpubCheckReport check = EpubCheckReport.of(reply.bytes());
		assertThat(check.errors()).as("EPUBCheck errors").isEmpty();
		assertThat(check.warnings()).as("EPUBCheck warnings").isEmpty();
		Map<String, String> entries = entries(reply.bytes());
		assertThat(entries.keySet().iterator().next()).isEqualTo("mimetype");
		assertThat(entries.keySet()).filteredOn((name) -> name.startsWith("EPUB/chapter-")).hasSize(100);
		assertThat(entries.keySet()).contains("EPUB/images/cover.png", "EPUB/images/image-2.jpg");
		assertThat(entries.get("EPUB/nav.xhtml")).contains("第100章: Kapitel 100 &amp; more");
		assertThat(entries.get("EPUB/title.xhtml")).contains("Ça fait « rêver » — 夢の灯台 🌙 &amp; &lt;friends&gt;");
		assertThat(entries.get("EPUB/chapter-0001.xhtml")).contains("src=\"images/cover.png\"");
		assertThat(entries.get("EPUB/chapter-0003.xhtml")).doesNotContain("<img")
			.contains("<a href=\"https://images.example.com/far.png\"");
		assertThat(String.join("", entries.values())).doesNotContain("secret draft text");
		assertThat(chapters).hasSize(100);
	}

	@Test
	void aBookIsMadeOncePerRevisionAndReplacedWhenTheStoryChanges() throws IOException {
		Fixtures.Published story = this.fixtures.publishedChapter(AUTHOR, "Once", "The first text.");
		String path = "/v1/stories/" + story.storyId() + "/export.epub";
		Api.Reply first = this.api.get(path).as("user_epub_twice").send();
		Map<String, Object> stored = storedBook(story.storyId());
		Api.Reply second = this.api.get(path).as("user_epub_twice").send();

		assertThat(second.bytes()).isEqualTo(first.bytes());
		assertThat(storedBook(story.storyId())).as("not made again").isEqualTo(stored);
		assertThat(this.api.put("/v1/chapters/" + story.chapterId())
			.as(AUTHOR)
			.json(Map.of("content", "The second text."))
			.send()
			.status()).isEqualTo(200);
		Api.Reply changed = this.api.get(path).as("user_epub_twice").send();
		assertThat(entries(changed.bytes()).get("EPUB/chapter-0001.xhtml")).contains("The second text.")
			.doesNotContain("The first text.");
		Map<String, Object> replaced = storedBook(story.storyId());
		assertThat(replaced.get("revision")).isNotEqualTo(stored.get("revision"));
		assertThat(objectFile((String) stored.get("object_key"))).as("the previous book is deleted").doesNotExist();
		assertThat(objectFile((String) replaced.get("object_key"))).exists();
		assertThat(this.api.get("/v1/objects/" + replaced.get("object_key")).send().status())
			.as("a stored book is not public")
			.isEqualTo(400);
		assertThat(this.api
			.get("/v1/objects/" + replaced.get("object_key") + "?name=b.epub&expires=9999999999" + "&signature=forged")
			.send()
			.status()).as("nor downloadable without a signed link").isEqualTo(403);
		assertThat(this.api.delete("/v1/stories/" + story.storyId()).as(AUTHOR).send().status()).isEqualTo(204);
		assertThat(this.api.get(path).as("user_epub_twice").send().status()).isEqualTo(404);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(objectFile((String) replaced.get("object_key"))).doesNotExist());
	}

	@Test
	void anImageIsEmbeddedOnceWhateverItsSpellingAndOnlyWhenItWasChecked() throws IOException {
		String cover = this.fixtures.upload("user_epub_images", "cover", "image/png", image("png"));
		String unchecked = this.fixtures.upload("user_epub_images", "whisper_media", "image/png", image("png"));
		Api.Reply created = this.api.post("/v1/stories")
			.as("user_epub_images")
			.json(Map.of("title", "Pictures", "cover_key", cover))
			.send();
		String storyId = created.json().path("id").asString();
		String coverUrl = created.json().path("cover_url").asString();
		assertThat(this.api.post("/v1/stories/" + storyId + "/publish").as("user_epub_images").send().status())
			.isEqualTo(200);
		String content = "![a](" + coverUrl + ") ![b](" + coverUrl.replace("/uploads/", "/uploads/./") + ") ![c]("
				+ coverUrl.replace("/uploads/", "//uploads/") + ") ![d](" + coverUrl.replace(cover, unchecked) + ")";
		String chapter = this.fixtures.chapter("user_epub_images", storyId, "Gallery", content);
		assertThat(this.api.post("/v1/chapters/" + chapter + "/publish").as("user_epub_images").send().status())
			.isEqualTo(200);

		Map<String, String> book = entries(
				this.api.get("/v1/stories/" + storyId + "/export.epub").as("user_epub_viewer").send().bytes());

		assertThat(book.keySet()).filteredOn((name) -> name.startsWith("EPUB/images/"))
			.containsExactly("EPUB/images/cover.png");
		assertThat(book.get("EPUB/chapter-0001.xhtml")).contains("src=\"images/cover.png\"")
			.contains("<a href=\"" + coverUrl.replace(cover, unchecked) + "\">Image: d</a>");
	}

	@Test
	void aPurgedAccountsBooksAreDeleted() {
		Fixtures.Published story = this.fixtures.publishedChapter("user_epub_purged", "Mine", "My words.");
		assertThat(this.api.get("/v1/stories/" + story.storyId() + "/export.epub").as("user_epub_fan").send().status())
			.isEqualTo(200);
		String key = (String) storedBook(story.storyId()).get("object_key");
		UUID author = UUID.fromString(this.fixtures.me("user_epub_purged").path("id").asString());

		this.transactions.executeWithoutResult((tx) -> this.events.publishEvent(new UserDeleted(author)));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(objectFile(key)).doesNotExist());
		assertThat(this.jdbc.sql("select count(*) from epub_exports").query(Long.class).single()).isZero();
	}

	@Test
	void onlyWhatEveryReaderMaySeeIsExportedAndOnlyToThoseWhoMaySeeIt() throws IOException {
		Fixtures.Published visible = this.fixtures.publishedChapter(AUTHOR, "Seen", "Seen text.");
		String hidden = this.fixtures.chapter(AUTHOR, visible.storyId(), "Hidden", "Hidden text.");
		assertThat(this.api.post("/v1/chapters/" + hidden + "/publish").as(AUTHOR).send().status()).isEqualTo(200);
		hideChapter(hidden);
		String path = "/v1/stories/" + visible.storyId() + "/export.epub";
		Api.Reply own = this.api.get(path).as(AUTHOR).send();
		assertThat(own.status()).isEqualTo(200);
		assertThat(String.join("", entries(own.bytes()).values())).contains("Seen text.").doesNotContain("Hidden");

		Api.Reply draft = this.api.post("/v1/stories").as(AUTHOR).json(Map.of("title", "Draft")).send();
		String draftPath = "/v1/stories/" + draft.json().path("id").asString() + "/export.epub";
		assertThat(this.api.get(draftPath).as(AUTHOR).send().status()).as("not even the author's draft").isEqualTo(404);
		assertThat(this.api.get(draftPath).as("user_epub_other").send().status()).isEqualTo(404);
		assertThat(this.api.get(path).send().status()).as("anonymous").isEqualTo(401);

		Api.Reply mature = this.api.post("/v1/stories")
			.as(AUTHOR)
			.json(Map.of("title", "Mature", "rating", "mature"))
			.send();
		String matureId = mature.json().path("id").asString();
		assertThat(this.api.post("/v1/stories/" + matureId + "/publish").as(AUTHOR).send().status()).isEqualTo(200);
		Api.Reply gated = this.api.get("/v1/stories/" + matureId + "/export.epub").as("user_epub_other").send();
		assertThat(gated.status()).isEqualTo(403);
		assertThat(gated.errorCode()).isEqualTo("RATING_GATED");

		String authorId = this.fixtures.me(AUTHOR).path("id").asString();
		assertThat(this.api.post("/v1/users/" + authorId + "/block").as("user_epub_blocker").send().status())
			.isEqualTo(200);
		assertThat(this.api.get(path).as("user_epub_blocker").send().status()).isEqualTo(404);
	}

	@Test
	void aReaderExportsTenBooksAnHour() {
		Fixtures.Published story = this.fixtures.publishedChapter(AUTHOR, "Popular", "Text.");
		String path = "/v1/stories/" + story.storyId() + "/export.epub";
		for (int i = 0; i < 10; i++) {
			assertThat(this.api.get(path).as("user_epub_hoarder").send().status()).isEqualTo(200);
		}
		Api.Reply limited = this.api.get(path).as("user_epub_hoarder").send();
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isNotNull();
		assertThat(this.api.get(path).as("user_epub_someone_else").send().status()).isEqualTo(200);
	}

	private Map<String, Object> storedBook(String storyId) {
		return this.jdbc
			.sql("select revision, object_key, built_at from epub_exports where story_id = cast(:id as uuid)")
			.param("id", storyId)
			.query()
			.singleRow();
	}

	private static Path objectFile(String key) {
		return Path.of("target/test-data/objects").resolve(key);
	}

	private void hideChapter(String chapterId) {
		Api.Reply reported = this.api.post("/v1/reports")
			.as("user_epub_reporter")
			.json(Map.of("chapter_id", chapterId, "reason", "Abuse"))
			.send();
		assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
		Api.Reply resolved = this.api
			.post("/v1/moderation/reports/" + reported.json().path("id").asString() + "/resolve")
			.as("user_epub_mod", "moderator")
			.json(Map.of("action", "hide_content"))
			.send();
		assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
	}

	private String story(String title, String coverKey) {
		Api.Reply created = this.api.post("/v1/stories")
			.as(AUTHOR)
			.json(Map.of("title", title, "blurb", "A keeper & a storm.\n\nAnd <a light>.", "tags",
					List.of("Fantasy", "Rêve"), "cover_key", coverKey, "rating", "teen", "content_warnings",
					List.of("violence")))
			.send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().path("id").asString();
		assertThat(this.api.post("/v1/stories/" + id + "/publish").as(AUTHOR).send().status()).isEqualTo(200);
		return id;
	}

	/**
	 * Publishes the story's chapters at once: through the API an author publishes 10 an
	 * hour.
	 */
	private void publishAll(String storyId) {
		this.jdbc.sql("""
				update chapters set published = true, published_at = now() - interval '1 minute'
				where story_id = cast(:story as uuid) and not published""").param("story", storyId).update();
	}

	static byte[] image(String format) throws IOException {
		BufferedImage image = new BufferedImage(60, 90, BufferedImage.TYPE_INT_RGB);
		var graphics = image.createGraphics();
		graphics.setColor(Color.ORANGE);
		graphics.fillRect(10, 10, 40, 70);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, format, out);
		return out.toByteArray();
	}

	static Map<String, String> entries(byte[] book) throws IOException {
		Map<String, String> entries = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(book))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return entries;
	}

}
