package com.muejam.stories;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.muejam.core.security.CurrentUser;
import com.muejam.support.Api;
import com.muejam.support.IntegrationTest;
import com.muejam.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class ChapterTests {

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatementCounter statements;

	@Autowired
	ChapterCounterRefresh counterRefresh;

	@Autowired
	ChapterService chapters;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void chaptersAreNumberedInCreationOrder() {
		String story = story("user_writer", true);
		assertThat(chapter("user_writer", story, "One").path("chapter_number").asInt()).isEqualTo(1);
		assertThat(chapter("user_writer", story, "Two").path("chapter_number").asInt()).isEqualTo(2);
		String third = chapter("user_writer", story, "Three").path("id").asString();
		this.api.delete("/v1/chapters/" + third).as("user_writer").send();
		assertThat(chapter("user_writer", story, "Four").path("chapter_number").asInt()).isEqualTo(4);
	}

	@Test
	void renderedHtmlIsSanitizedAndMarkdownKeptAsWritten() {
		String story = story("user_writer", true);
		String markdown = "# Title\n\n**bold** <script>alert('x')</script> [click](javascript:alert(1)) "
				+ "<img src=x onerror=alert(1)> [site](https://example.com)";
		JsonNode chapter = this.api.post("/v1/stories/" + story + "/chapters")
			.as("user_writer")
			.json(Map.of("title", "Markup", "content", markdown))
			.send()
			.json();
		assertThat(chapter.path("content").asString()).isEqualTo(markdown);
		String html = chapter.path("content_html").asString();
		assertThat(html).contains("<h1>Title</h1>").contains("<strong>bold</strong>");
		Document dom = Jsoup.parseBodyFragment(html);
		assertThat(dom.select("script, img[onerror], [onerror], a[href^=javascript]")).isEmpty();
		assertThat(dom.text()).contains("<script>alert('x')</script>");
		assertThat(html).contains("<a href=\"https://example.com\" rel=\"nofollow noopener ugc\">site</a>");
	}

	@Test
	void readersSeeOnlyPublishedChaptersOfPublishedStories() {
		String story = story("user_writer", false);
		String chapter = chapter("user_writer", story, "Hidden").path("id").asString();
		publishChapter("user_writer", chapter);
		assertThat(this.api.get("/v1/chapters/" + chapter).send().status()).isEqualTo(404);
		assertThat(this.api.get("/v1/stories/" + story + "/chapters").send().status()).isEqualTo(404);
		this.api.post("/v1/stories/" + story + "/publish").as("user_writer").send();
		assertThat(this.api.get("/v1/chapters/" + chapter).send().status()).isEqualTo(200);
		String draft = chapter("user_writer", story, "Draft").path("id").asString();
		assertThat(this.api.get("/v1/chapters/" + draft).send().status()).isEqualTo(404);
		assertThat(this.api.get("/v1/chapters/" + draft).as("user_stranger").send().status()).isEqualTo(404);
		assertThat(this.api.get("/v1/chapters/" + draft).as("user_writer").send().status()).isEqualTo(200);
	}

	@Test
	void chapterListIsInOrderWithoutContentAndHidesDraftsFromReaders() {
		String story = story("user_writer", true);
		List<String> ids = new ArrayList<>();
		for (int i = 1; i <= 4; i++) {
			ids.add(chapter("user_writer", story, "Chapter " + i).path("id").asString());
		}
		publishChapter("user_writer", ids.get(0));
		publishChapter("user_writer", ids.get(2));
		publishChapter("user_writer", ids.get(3));
		JsonNode readerView = this.api.get("/v1/stories/" + story + "/chapters").send().json().path("data");
		assertThat(numbers(readerView)).containsExactly(1, 3, 4);
		assertThat(readerView.get(0).has("content")).isFalse();
		assertThat(readerView.get(0).has("content_html")).isFalse();
		JsonNode authorView = this.api.get("/v1/stories/" + story + "/chapters")
			.as("user_writer")
			.send()
			.json()
			.path("data");
		assertThat(numbers(authorView)).containsExactly(1, 2, 3, 4);
		List<Integer> paged = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = this.api
				.get("/v1/stories/" + story + "/chapters?page_size=2" + ((cursor != null) ? "&cursor=" + cursor : ""))
				.send()
				.json();
			paged.addAll(numbers(page.path("data")));
			cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asString();
		}
		while (cursor != null);
		assertThat(paged).containsExactly(1, 3, 4);
	}

	@Test
	void readingAChapterLinksThePreviousAndNextReadableOnes() {
		String story = story("user_writer", true);
		List<String> ids = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			ids.add(chapter("user_writer", story, "Chapter " + i).path("id").asString());
		}
		publishChapter("user_writer", ids.get(0));
		publishChapter("user_writer", ids.get(2));
		JsonNode first = this.api.get("/v1/chapters/" + ids.get(0)).send().json();
		assertThat(first.path("previous_chapter_id").isNull()).isTrue();
		assertThat(first.path("next_chapter_id").asString()).isEqualTo(ids.get(2));
		JsonNode third = this.api.get("/v1/chapters/" + ids.get(2)).send().json();
		assertThat(third.path("previous_chapter_id").asString()).isEqualTo(ids.get(0));
		assertThat(this.api.get("/v1/chapters/" + ids.get(0))
			.as("user_writer")
			.send()
			.json()
			.path("next_chapter_id")
			.asString()).isEqualTo(ids.get(1));
	}

	@Test
	void scheduledChapterBecomesReadableAtItsTime() {
		String story = story("user_writer", true);
		String chapter = chapter("user_writer", story, "Later").path("id").asString();
		Api.Reply scheduled = this.api.post("/v1/chapters/" + chapter + "/publish")
			.as("user_writer")
			.json(Map.of("publish_at", Instant.now().plusSeconds(600).toString()))
			.send();
		assertThat(scheduled.status()).isEqualTo(200);
		assertThat(this.api.get("/v1/chapters/" + chapter).send().status()).isEqualTo(404);
		tenMinutesPass(story, chapter);
		assertThat(this.api.get("/v1/chapters/" + chapter).send().status()).isEqualTo(200);
		assertThat(this.api.get("/v1/stories/" + story).send().json().path("chapter_count").asInt()).isEqualTo(1);
		assertThat(this.api.get("/v1/stories").send().json().path("data").get(0).path("chapter_count").asInt())
			.isEqualTo(1);
		// the job writes the count onto the story row, so reads stop counting chapters
		assertThat(this.counterRefresh.refreshDue()).isEqualTo(1);
		assertThat(this.jdbc
			.sql("select live_chapter_count || ' ' || (next_chapter_at is null) from stories where id = :id::uuid")
			.param("id", story)
			.query(String.class)
			.single()).isEqualTo("1 true");
	}

	@Test
	void concurrentPublicationsInOneStoryKeepItsCountersExact() {
		String story = story("user_racing_writer", true);
		String first = chapter("user_racing_writer", story, "First").path("id").asString();
		String second = chapter("user_racing_writer", story, "Second").path("id").asString();
		CurrentUser author = signedIn("user_racing_writer");
		// the second publication runs while the first is not committed, and waits for it
		// on the story's row
		whileUncommitted(() -> this.chapters.publish(author, UUID.fromString(first), null),
				() -> this.chapters.publish(author, UUID.fromString(second), null));
		assertThat(this.jdbc.sql("select chapter_count || ' ' || live_chapter_count from stories where id = :id::uuid")
			.param("id", story)
			.query(String.class)
			.single()).isEqualTo("2 2");
	}

	@Test
	void theCounterJobDoesNotUndoAPublicationItRacesWith() {
		String story = story("user_job_racing_writer", true);
		String due = chapter("user_job_racing_writer", story, "Due").path("id").asString();
		String now = chapter("user_job_racing_writer", story, "Now").path("id").asString();
		assertThat(this.api.post("/v1/chapters/" + due + "/publish")
			.as("user_job_racing_writer")
			.json(Map.of("publish_at", Instant.now().plusSeconds(600).toString()))
			.send()
			.status()).isEqualTo(200);
		// the scheduled chapter is due, and the job has not run yet
		tenMinutesPass(story, due);
		CurrentUser author = signedIn("user_job_racing_writer");
		// the job runs while the publication is not committed
		whileUncommitted(() -> this.chapters.publish(author, UUID.fromString(now), null),
				this.counterRefresh::refreshDue);
		assertThat(this.jdbc.sql(
				"select chapter_count || ' ' || live_chapter_count || ' ' || (next_chapter_at is null) from stories where id = :id::uuid")
			.param("id", story)
			.query(String.class)
			.single()).isEqualTo("2 2 true");
	}

	@Test
	void editingRerendersAndOnlyTheAuthorMayEdit() {
		String story = story("user_writer", true);
		String chapter = chapter("user_writer", story, "Edit Me").path("id").asString();
		Api.Reply edited = this.api.put("/v1/chapters/" + chapter)
			.as("user_writer")
			.json(Map.of("content", "_new_ text"))
			.send();
		assertThat(edited.json().path("content_html").asString()).contains("<em>new</em>");
		assertThat(edited.json().path("title").asString()).isEqualTo("Edit Me");
		assertThat(
				this.api.put("/v1/chapters/" + chapter).as("user_intruder").json(Map.of("title", "X")).send().status())
			.isEqualTo(404);
		publishChapter("user_writer", chapter);
		assertThat(
				this.api.put("/v1/chapters/" + chapter).as("user_intruder").json(Map.of("title", "X")).send().status())
			.isEqualTo(403);
		assertThat(this.api.post("/v1/stories/" + story + "/chapters")
			.as("user_intruder")
			.json(Map.of("title", "X"))
			.send()
			.status()).isEqualTo(403);
	}

	@Test
	void rejectsInvalidChapters() {
		String story = story("user_writer", true);
		Api.Reply reply = this.api.post("/v1/stories/" + story + "/chapters")
			.as("user_writer")
			.json(Map.of("title", "", "content", "x".repeat(200_001)))
			.send();
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().path("error").path("details").has("title")).isTrue();
		assertThat(reply.json().path("error").path("details").has("content")).isTrue();
		assertThat(this.api.post("/v1/stories/" + story + "/chapters").json(Map.of("title", "T")).send().status())
			.isEqualTo(401);
		assertThat(this.api.get("/v1/chapters/00000000-0000-0000-0000-000000000001").send().status()).isEqualTo(404);
	}

	@Test
	void chaptersOfADeletedStoryAreGone() {
		String story = story("user_writer", true);
		String chapter = chapter("user_writer", story, "Doomed").path("id").asString();
		publishChapter("user_writer", chapter);
		this.api.delete("/v1/stories/" + story).as("user_writer").send();
		assertThat(this.api.get("/v1/chapters/" + chapter).send().status()).isEqualTo(404);
		assertThat(this.api.get("/v1/chapters/" + chapter).as("user_writer").send().status()).isEqualTo(404);
		assertThat(this.api.get("/v1/stories/" + story + "/chapters").send().status()).isEqualTo(404);
	}

	@Test
	void deletedChapterIsGoneAndTheStoryCountFollows() {
		String story = story("user_writer", true);
		String slug = this.api.get("/v1/me/stories")
			.as("user_writer")
			.send()
			.json()
			.path("data")
			.get(0)
			.path("slug")
			.asString();
		String chapter = chapter("user_writer", story, "Brief").path("id").asString();
		publishChapter("user_writer", chapter);
		assertThat(this.api.get("/v1/stories/" + slug).send().json().path("chapter_count").asInt()).isEqualTo(1);
		assertThat(this.api.delete("/v1/chapters/" + chapter).as("user_writer").send().status()).isEqualTo(204);
		assertThat(this.api.get("/v1/chapters/" + chapter).send().status()).isEqualTo(404);
		assertThat(this.api.get("/v1/stories/" + slug).send().json().path("chapter_count").asInt()).isZero();
	}

	@Test
	void chapterListCostsTheSameWhateverThePageSize() {
		String story = story("user_writer", true);
		// the story's publication and 9 chapters: the author's 10 publish operations of
		// the hour
		for (int i = 0; i < 9; i++) {
			publishChapter("user_writer", chapter("user_writer", story, "C" + i).path("id").asString());
		}
		long one = this.statements.count(() -> this.api.get("/v1/stories/" + story + "/chapters?page_size=1").send());
		long ten = this.statements.count(() -> this.api.get("/v1/stories/" + story + "/chapters?page_size=9").send());
		assertThat(ten).isEqualTo(one);
	}

	/**
	 * Moves a scheduled chapter's moment, and its story's note of it, into the past.
	 */
	private void tenMinutesPass(String story, String chapter) {
		this.jdbc.sql("update chapters set published_at = now() - interval '1 second' where id = :id::uuid")
			.param("id", chapter)
			.update();
		this.jdbc.sql("update stories set next_chapter_at = now() - interval '1 second' where id = :id::uuid")
			.param("id", story)
			.update();
	}

	/**
	 * Runs a write in a transaction, and another action on another thread while the write
	 * is not committed, until that action finishes or waits for a lock; then commits.
	 * @return what the other action returned
	 */
	private <T> T whileUncommitted(Runnable write, Supplier<T> other) {
		AtomicReference<CompletableFuture<T>> running = new AtomicReference<>();
		this.transactions.executeWithoutResult((status) -> {
			write.run();
			CompletableFuture<T> started = CompletableFuture.supplyAsync(other);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> started.isDone()
						|| this.jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'")
							.query(Long.class)
							.single() > 0);
			running.set(started);
		});
		return running.get().join();
	}

	private CurrentUser signedIn(String subject) {
		return new CurrentUser(UUID.fromString(this.api.get("/v1/me").as(subject).send().json().path("id").asString()),
				subject, Set.of());
	}

	private String story(String author, boolean published) {
		Api.Reply created = this.api.post("/v1/stories").as(author).json(Map.of("title", "Story of " + author)).send();
		String id = created.json().path("id").asString();
		if (published) {
			assertThat(this.api.post("/v1/stories/" + id + "/publish").as(author).send().status()).isEqualTo(200);
		}
		return id;
	}

	private JsonNode chapter(String author, String story, String title) {
		Api.Reply reply = this.api.post("/v1/stories/" + story + "/chapters")
			.as(author)
			.json(Map.of("title", title, "content", "Text of " + title))
			.send();
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json();
	}

	private void publishChapter(String author, String chapter) {
		Api.Reply reply = this.api.post("/v1/chapters/" + chapter + "/publish").as(author).send();
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
	}

	private static List<Integer> numbers(JsonNode chapters) {
		List<Integer> numbers = new ArrayList<>();
		chapters.forEach((chapter) -> numbers.add(chapter.path("chapter_number").asInt()));
		return numbers;
	}

}
