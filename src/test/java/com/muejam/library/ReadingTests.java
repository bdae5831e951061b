package com.muejam.library;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.muejam.support.Api;
import com.muejam.support.EventsHandled;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;
import com.muejam.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
@ExtendWith(PublishedEventsExtension.class)
class ReadingTests {

	private static final String TEXT = "0123456789".repeat(10);

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	StatementCounter statements;

	@Autowired
	JdbcClient jdbc;

	@Test
	void progressIsSavedAndReadBackOnAnyDevice() {
		String chapter = this.fixtures.publishedChapter("user_author", "Progressing", TEXT).chapterId();
		JsonNode before = this.api.get("/v1/chapters/" + chapter + "/progress").as("user_reader").send().json();
		assertThat(before.path("offset").asInt()).isZero();
		assertThat(before.path("updated_at").isNull()).isTrue();
		assertThat(save("user_reader", chapter, 40).status()).isEqualTo(200);
		assertThat(save("user_reader", chapter, 55).status()).isEqualTo(200);
		String otherDevice = this.api.token("user_reader");
		JsonNode after = this.api.get("/v1/chapters/" + chapter + "/progress").bearer(otherDevice).send().json();
		assertThat(after.path("offset").asInt()).isEqualTo(55);
		assertThat(after.path("chapter_id").asString()).isEqualTo(chapter);
		assertThat(this.api.get("/v1/chapters/" + chapter + "/progress")
			.as("user_someone_else")
			.send()
			.json()
			.path("offset")
			.asInt()).isZero();
	}

	@Test
	void aScheduledChapterTakesProgressOnlyOnceItsTimeComes() {
		Fixtures.Published published = this.fixtures.publishedChapter("user_author", "Serial", TEXT);
		String next = this.fixtures.chapter("user_author", published.storyId(), "Next Week", TEXT);
		assertThat(this.api.post("/v1/chapters/" + next + "/publish")
			.as("user_author")
			.json(Map.of("publish_at", Instant.now().plusSeconds(3600).toString()))
			.send()
			.status()).isEqualTo(200);
		assertThat(save("user_reader", next, 1).status()).isEqualTo(404);
		// the clock reaches the scheduled time
		this.jdbc.sql("update chapters set published_at = now() - interval '1 second' where id = :id::uuid")
			.param("id", next)
			.update();
		assertThat(save("user_reader", next, 1).status()).isEqualTo(200);
	}

	@Test
	void savingProgressIsTwoStatementsAndReadsNeitherTheTextNorItsHtml() {
		String chapter = this.fixtures.publishedChapter("user_author", "Counted", TEXT).chapterId();
		List<String> sql = returningSaveStatements(chapter);
		// the chapter's length with its story's visibility (no reader has read the
		// chapter, so it is not cached), and the position with the day's read; the
		// sign-in
		// is remembered. A chapter's text is tens of kilobytes, which a save needs only
		// the
		// length of
		assertThat(sql).hasSize(2).noneMatch((statement) -> statement.contains("content"));
	}

	@Test
	void aDaysFirstReadIsSavedWithItsSignalsInOneStatementWithoutATransaction() {
		Fixtures.Published published = this.fixtures.publishedChapter("user_author", "Signalled", TEXT);
		String chapter = published.chapterId();
		assertThat(read("user_reader", chapter)).isEqualTo(200);
		String token = this.api.token("user_reader");
		// the chapter's place from the cache; the position, the read and its signals, a
		// read and a complete read (at the chapter's end)
		List<String> sql = this.statements
			.capture(() -> assertThat(this.api.post("/v1/chapters/" + chapter + "/progress")
				.bearer(token)
				.json(Map.of("offset", TEXT.length()))
				.send()
				.status()).isEqualTo(200))
			.stream()
			.map((query) -> query.getQuery())
			.filter((statement) -> !statement.contains("delete from signal_inbox"))
			.toList();
		assertThat(sql).singleElement().asString().contains("insert into signal_inbox");
		EventsHandled.await(this.jdbc);
		assertThat(this.jdbc.sql("""
				select reads_count, completions_count, chapter_reads_count from story_stats_daily
				where story_id = :story::uuid""").param("story", published.storyId()).query().singleRow())
			.containsEntry("reads_count", 1)
			.containsEntry("completions_count", 1)
			.containsEntry("chapter_reads_count", 1);
		// a save is one statement, committed on its own: a day's first read of each of
		// two more chapters
		Iterator<String> chapters = List
			.of(this.fixtures.publishedChapter("user_author", "Two", TEXT).chapterId(),
					this.fixtures.publishedChapter("user_author", "Three", TEXT).chapterId())
			.iterator();
		assertThat(this.statements
			.countTransactions(() -> assertThat(save("user_reader", chapters.next(), 1).status()).isEqualTo(200)))
			.isZero();
	}

	@Test
	void aChapterReadersHaveReadTakesProgressInOneStatementAndStillChecksItsCurrentLength() {
		Fixtures.Published published = this.fixtures.publishedChapter("user_author", "Read First", TEXT);
		String chapter = published.chapterId();
		assertThat(read("user_reader", chapter)).isEqualTo(200);
		List<String> sql = returningSaveStatements(chapter);
		// the chapter's place comes from the chapter the read cached: the position alone
		assertThat(sql).hasSize(1).noneMatch((statement) -> statement.contains("text_length"));
		assertThat(save("user_reader", chapter, 101).status()).isEqualTo(400);
		// an edit evicts it: the new length holds at once, and again once read and cached
		this.api.put("/v1/chapters/" + chapter).as("user_author").json(Map.of("content", "short")).send();
		assertThat(save("user_reader", chapter, 6).status()).isEqualTo(400);
		assertThat(read("user_reader", chapter)).isEqualTo(200);
		assertThat(save("user_reader", chapter, 6).status()).isEqualTo(400);
		assertThat(save("user_reader", chapter, 5).status()).isEqualTo(200);
		// a block is judged on every save, and the story's deletion evicts the chapter
		String author = this.fixtures.me("user_author").path("id").asString();
		assertThat(this.api.post("/v1/users/" + author + "/block").as("user_blocker").send().status()).isEqualTo(200);
		assertThat(read("user_blocker", chapter)).isEqualTo(404);
		assertThat(save("user_blocker", chapter, 1).status()).isEqualTo(404);
		this.api.delete("/v1/stories/" + published.storyId()).as("user_author").send();
		assertThat(save("user_reader", chapter, 1).status()).isEqualTo(404);
	}

	@Test
	void offsetsCountUtf16CodeUnitsAsJavaScriptDoes() {
		// "a", an emoji outside the Basic Multilingual Plane (two UTF-16 units), "b": 4
		String chapter = this.fixtures.publishedChapter("user_author", "Units", "a\uD83D\uDE00b").chapterId();
		assertThat(save("user_reader", chapter, 4).status()).isEqualTo(200);
		assertThat(save("user_reader", chapter, 5).status()).isEqualTo(400);
	}

	@Test
	void rejectsOffsetsOutsideTheChapter() {
		String chapter = this.fixtures.publishedChapter("user_author", "Bounds", TEXT).chapterId();
		assertThat(save("user_reader", chapter, 100).status()).isEqualTo(200);
		Api.Reply past = save("user_reader", chapter, 101);
		assertThat(past.status()).isEqualTo(400);
		assertThat(past.json().path("error").path("details").has("offset")).isTrue();
		assertThat(save("user_reader", chapter, -1).status()).isEqualTo(400);
		assertThat(
				this.api.post("/v1/chapters/" + chapter + "/progress").as("user_reader").json(Map.of()).send().status())
			.isEqualTo(400);
		assertThat(this.api.post("/v1/chapters/" + chapter + "/progress").json(Map.of("offset", 1)).send().status())
			.isEqualTo(401);
	}

	@Test
	void unreadableChaptersAreNotFound() {
		Fixtures.Published published = this.fixtures.publishedChapter("user_author", "Soon Deleted", TEXT);
		String draft = this.fixtures.chapter("user_author", published.storyId(), "Draft", TEXT);
		assertThat(save("user_reader", draft, 1).status()).isEqualTo(404);
		assertThat(this.api.post("/v1/chapters/" + draft + "/bookmarks")
			.as("user_reader")
			.json(Map.of("offset", 1))
			.send()
			.status()).isEqualTo(404);
		this.api.delete("/v1/stories/" + published.storyId()).as("user_author").send();
		assertThat(save("user_reader", published.chapterId(), 1).status()).isEqualTo(404);
		assertThat(
				this.api.get("/v1/chapters/" + published.chapterId() + "/progress").as("user_reader").send().status())
			.isEqualTo(404);
	}

	@Test
	void readsCountOncePerDayAndCompleteReadsAtNinetyPercent(PublishedEvents events) {
		String chapter = this.fixtures.publishedChapter("user_author", "Signals", TEXT).chapterId();
		save("user_reader", chapter, 10);
		save("user_reader", chapter, 50);
		assertThat(events.ofType(ChapterRead.class)).hasSize(1);
		assertThat(events.ofType(ChapterCompleted.class)).isEmpty();
		save("user_reader", chapter, 90);
		save("user_reader", chapter, 100);
		assertThat(events.ofType(ChapterCompleted.class)).hasSize(1);
	}

	@Test
	void continueReadingListsStoriesMostRecentFirstWithPosition() {
		Fixtures.Published first = this.fixtures.publishedChapter("user_author", "First Book", TEXT);
		Fixtures.Published second = this.fixtures.publishedChapter("user_author", "Second Book", TEXT);
		String secondChapterTwo = this.fixtures.chapter("user_author", second.storyId(), "Two", TEXT);
		this.api.post("/v1/chapters/" + secondChapterTwo + "/publish").as("user_author").send();
		save("user_reader", second.chapterId(), 100);
		save("user_reader", first.chapterId(), 25);
		save("user_reader", secondChapterTwo, 50);
		JsonNode reading = this.api.get("/v1/library/reading").as("user_reader").send().json().path("data");
		assertThat(reading.size()).isEqualTo(2);
		assertThat(reading.get(0).path("story").path("title").asString()).isEqualTo("Second Book");
		assertThat(reading.get(0).path("chapter").path("chapter_number").asInt()).isEqualTo(2);
		assertThat(reading.get(0).path("offset").asInt()).isEqualTo(50);
		assertThat(reading.get(0).path("percent").asDouble()).isEqualTo(50.0);
		assertThat(reading.get(1).path("story").path("title").asString()).isEqualTo("First Book");
		assertThat(reading.get(1).path("percent").asDouble()).isEqualTo(25.0);
		assertThat(this.api.get("/v1/library/reading").as("user_stranger").send().json().path("data").size()).isZero();
	}

	@Test
	void continueReadingPagesInFixedStatements() {
		List<String> chapters = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			chapters.add(this.fixtures.publishedChapter("user_author_" + i, "Book " + i, TEXT).chapterId());
		}
		chapters.forEach((chapter) -> save("user_reader", chapter, 5));
		List<String> seen = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = this.api
				.get("/v1/library/reading?page_size=2" + ((cursor != null) ? "&cursor=" + cursor : ""))
				.as("user_reader")
				.send()
				.json();
			page.path("data").forEach((item) -> seen.add(item.path("chapter").path("id").asString()));
			cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asString();
		}
		while (cursor != null);
		assertThat(seen).containsExactlyElementsOf(chapters.reversed());
		String token = this.api.token("user_reader");
		long one = this.statements.count(() -> this.api.get("/v1/library/reading?page_size=1").bearer(token).send());
		long five = this.statements.count(() -> this.api.get("/v1/library/reading?page_size=5").bearer(token).send());
		assertThat(five).isEqualTo(one);
	}

	@Test
	void refusesTheBookmarkPastTheReadersQuotaForAChapter() {
		String chapter = this.fixtures.publishedChapter("user_author", "Marks", "x".repeat(200)).chapterId();
		for (int i = 0; i < 100; i++) {
			assertThat(this.api.post("/v1/chapters/" + chapter + "/bookmarks")
				.as("user_reader")
				.json(Map.of("offset", i))
				.send()
				.status()).isEqualTo(201);
		}
		Api.Reply refused = this.api.post("/v1/chapters/" + chapter + "/bookmarks")
			.as("user_reader")
			.json(Map.of("offset", 150))
			.send();
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.errorCode()).isEqualTo("QUOTA_EXCEEDED");
		assertThat(refused.json().path("error").path("details").path("limit").asInt()).isEqualTo(100);
	}

	@Test
	void bookmarksAreCreatedListedAndDeletedByTheirOwnerOnly() {
		String chapter = this.fixtures.publishedChapter("user_author", "Marked", TEXT).chapterId();
		Api.Reply created = this.api.post("/v1/chapters/" + chapter + "/bookmarks")
			.as("user_reader")
			.json(Map.of("offset", 12))
			.send();
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().path("id").asString();
		this.api.post("/v1/chapters/" + chapter + "/bookmarks").as("user_reader").json(Map.of("offset", 30)).send();
		JsonNode list = this.api.get("/v1/chapters/" + chapter + "/bookmarks")
			.as("user_reader")
			.send()
			.json()
			.path("data");
		assertThat(list.size()).isEqualTo(2);
		assertThat(list.get(1).path("offset").asInt()).isEqualTo(12);
		assertThat(this.api.get("/v1/chapters/" + chapter + "/bookmarks")
			.as("user_other")
			.send()
			.json()
			.path("data")
			.size()).isZero();
		assertThat(this.api.delete("/v1/bookmarks/" + id).as("user_other").send().status()).isEqualTo(404);
		assertThat(this.api.delete("/v1/bookmarks/" + id).as("user_reader").send().status()).isEqualTo(204);
		assertThat(this.api.delete("/v1/bookmarks/" + id).as("user_reader").send().status()).isEqualTo(404);
		assertThat(this.api.post("/v1/chapters/" + chapter + "/bookmarks")
			.as("user_reader")
			.json(Map.of("offset", 101))
			.send()
			.status()).isEqualTo(400);
	}

	@Test
	void editsClampProgressAndBookmarksToTheNewLength() {
		Fixtures.Published published = this.fixtures.publishedChapter("user_author", "Shrinking", TEXT);
		save("user_reader", published.chapterId(), 90);
		this.api.post("/v1/chapters/" + published.chapterId() + "/bookmarks")
			.as("user_reader")
			.json(Map.of("offset", 80))
			.send();
		this.api.put("/v1/chapters/" + published.chapterId()).as("user_author").json(Map.of("content", "short")).send();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(this.api.get("/v1/chapters/" + published.chapterId() + "/progress")
				.as("user_reader")
				.send()
				.json()
				.path("offset")
				.asInt()).isEqualTo(5);
			assertThat(this.api.get("/v1/chapters/" + published.chapterId() + "/bookmarks")
				.as("user_reader")
				.send()
				.json()
				.path("data")
				.get(0)
				.path("offset")
				.asInt()).isEqualTo(5);
			JsonNode reading = this.api.get("/v1/library/reading").as("user_reader").send().json().path("data").get(0);
			assertThat(reading.path("offset").asInt()).isEqualTo(5);
			assertThat(reading.path("percent").asDouble()).isEqualTo(100.0);
		});
	}

	/**
	 * The statements of a returning reader's save (one saved before, the sign-in
	 * remembered), which counts no read.
	 */
	private List<String> returningSaveStatements(String chapter) {
		assertThat(save("user_reader", chapter, 10).status()).isEqualTo(200);
		String token = this.api.token("user_reader");
		return this.statements
			.capture(() -> assertThat(this.api.post("/v1/chapters/" + chapter + "/progress")
				.bearer(token)
				.json(Map.of("offset", 20))
				.send()
				.status()).isEqualTo(200))
			.stream()
			.map((query) -> query.getQuery())
			.toList();
	}

	private int read(String user, String chapter) {
		return this.api.get("/v1/chapters/" + chapter).as(user).send().status();
	}

	private Api.Reply save(String user, String chapter, int offset) {
		return this.api.post("/v1/chapters/" + chapter + "/progress").as(user).json(Map.of("offset", offset)).send();
	}

}
