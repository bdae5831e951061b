package com.muejam.stories;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.muejam.core.cache.CacheNames;
import com.muejam.core.security.CurrentUser;
import com.muejam.stories.ChapterRequests.UpdateChapter;
import com.muejam.support.Api;
import com.muejam.users.UserDeleted;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;
import com.muejam.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readers' chapter reads come from the cache once read, and every change that alters what
 * a reader sees of a chapter (its text, its neighbours, its story, its author's account)
 * shows in the next read. Each test reads first, so the chapter is cached when it
 * changes.
 */
@IntegrationTest
class ChapterCacheTests {

	@Autowired
	Api api;

	@Autowired
	StatementCounter statements;

	@Autowired
	ChapterService chapters;

	@Autowired
	StoryService stories;

	@Autowired
	ChapterCounterRefresh counterRefresh;

	@Autowired
	CacheManager caches;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void aReadersSecondReadRunsNoStatement() {
		Fixtures.Published published = fixtures().publishedChapter("user_cached_writer", "Cached", "The lamp.");
		String path = "/v1/chapters/" + published.chapterId();
		assertThat(this.statements.count(() -> {
			this.caches.getCache(CacheNames.CHAPTERS).clear();
			read(path);
		})).isEqualTo(1);
		assertThat(this.statements.capture(() -> read(path))).isEmpty();
		// a returning signed-in reader: no sign-in statement either
		fixtures().me("user_cached_reader");
		read(path, "user_cached_reader");
		assertThat(this.statements.capture(() -> read(path, "user_cached_reader"))).isEmpty();
	}

	@Test
	void anEditShowsInTheNextRead() {
		Fixtures.Published published = fixtures().publishedChapter("user_editing_writer", "Edited", "Before.");
		String path = "/v1/chapters/" + published.chapterId();
		assertThat(read(path).path("content").asString()).isEqualTo("Before.");
		assertThat(this.api.put(path)
			.as("user_editing_writer")
			.json(Map.of("title", "Renamed", "content", "_After._"))
			.send()
			.status()).isEqualTo(200);
		JsonNode after = read(path);
		assertThat(after.path("title").asString()).isEqualTo("Renamed");
		assertThat(after.path("content").asString()).isEqualTo("_After._");
		assertThat(after.path("content_html").asString()).contains("<em>After.</em>");
	}

	@Test
	void anEditsWordCountShowsInItsStoryAtOnce() {
		String author = "user_counting_writer";
		Fixtures.Published published = fixtures().publishedChapter(author, "Counted", "one two");
		assertThat(this.api.get("/v1/stories/" + published.storyId()).send().json().path("word_count").asInt())
			.isEqualTo(2);
		assertThat(this.api.put("/v1/chapters/" + published.chapterId())
			.as(author)
			.json(Map.of("content", "one two three four"))
			.send()
			.status()).isEqualTo(200);
		assertThat(this.api.get("/v1/stories/" + published.storyId()).send().json().path("word_count").asInt())
			.isEqualTo(4);
	}

	@Test
	void aStoryEditThatChaptersDoNotShowKeepsThemCached() {
		String author = "user_retitling_writer";
		Fixtures.Published published = cachedChapter(author, "Retitled", "Kept.");
		String path = "/v1/chapters/" + published.chapterId();
		editStory(author, published.storyId(),
				Map.of("title", "Retitled Again", "blurb", "New.", "tags", List.of("Sea")));
		assertThat(this.statements.capture(() -> read(path))).isEmpty();
	}

	@Test
	void aReadThatOvertakesAnEditIsNotLeftInTheCache() {
		String author = "user_racing_writer";
		Fixtures.Published published = fixtures().publishedChapter(author, "Racing", "Before.");
		CurrentUser writer = new CurrentUser(UUID.fromString(fixtures().me(author).path("id").asString()), author,
				Set.of());
		String path = "/v1/chapters/" + published.chapterId();
		this.transactions.executeWithoutResult((status) -> {
			this.chapters.update(writer, UUID.fromString(published.chapterId()), new UpdateChapter(null, "After."));
			// a reader's request, on its own connection, reads the text before the edit
			// commits, and caches it after the edit's eviction
			assertThat(CompletableFuture.supplyAsync(() -> read(path)).join().path("content").asString())
				.isEqualTo("Before.");
		});
		assertThat(read(path).path("content").asString()).isEqualTo("After.");
	}

	@Test
	void neighbourLinksFollowEveryPublicationDeletionAndHiding() {
		String author = "user_linking_writer";
		String story = fixtures().publishedStory(author, "Linked", List.of());
		String first = fixtures().chapter(author, story, "One", "1");
		String second = fixtures().chapter(author, story, "Two", "2");
		String third = fixtures().chapter(author, story, "Three", "3");
		publish(author, first);
		assertThat(next(first)).isNull();
		publish(author, second);
		assertThat(next(first)).isEqualTo(second);
		assertThat(previous(second)).isEqualTo(first);
		publish(author, third);
		assertThat(next(second)).isEqualTo(third);
		assertThat(previous(third)).isEqualTo(second);
		assertThat(this.api.delete("/v1/chapters/" + second).as(author).send().status()).isEqualTo(204);
		assertThat(this.api.get("/v1/chapters/" + second).send().status()).isEqualTo(404);
		assertThat(next(first)).isEqualTo(third);
		assertThat(previous(third)).isEqualTo(first);
		// a moderator hides the third
		assertThat(this.chapters.hide(UUID.fromString(third))).isPresent();
		assertThat(this.api.get("/v1/chapters/" + third).send().status()).isEqualTo(404);
		assertThat(next(first)).isNull();
	}

	@Test
	void aScheduledChapterIsLinkedFromItsMomentOn() {
		String author = "user_scheduling_writer";
		Fixtures.Published published = fixtures().publishedChapter(author, "Scheduled", "Now.");
		String later = fixtures().chapter(author, published.storyId(), "Later", "Soon.");
		Instant moment = Instant.now().plusSeconds(2);
		assertThat(this.api.post("/v1/chapters/" + later + "/publish")
			.as(author)
			.json(Map.of("publish_at", moment.toString()))
			.send()
			.status()).isEqualTo(200);
		assertThat(next(published.chapterId())).isNull();
		// no job runs in the tests: the link appears because the cached read ends at the
		// story's next scheduled moment
		await().atMost(Duration.ofSeconds(10)).until(() -> later.equals(next(published.chapterId())));
		assertThat(Instant.now()).isAfterOrEqualTo(moment);
		// once the counters are written again, the chapter is cached again
		this.counterRefresh.refreshDue();
		read("/v1/chapters/" + published.chapterId());
		assertThat(this.statements.capture(() -> read("/v1/chapters/" + published.chapterId()))).isEmpty();
	}

	@Test
	void aStorysRatingHidingAndDeletionShowInTheNextRead() {
		String author = "user_story_changing_writer";
		Fixtures.Published rated = cachedChapter(author, "Rated", "Mild.");
		String path = "/v1/chapters/" + rated.chapterId();
		editStory(author, rated.storyId(), Map.of("rating", "explicit"));
		assertThat(this.api.get(path).send().errorCode()).isEqualTo("RATING_GATED");
		Fixtures.Published hidden = cachedChapter(author, "Hidden", "Reported.");
		assertThat(this.stories.hide(UUID.fromString(hidden.storyId()))).isPresent();
		assertThat(this.api.get("/v1/chapters/" + hidden.chapterId()).send().status()).isEqualTo(404);
		Fixtures.Published deleted = cachedChapter(author, "Deleted", "Gone.");
		assertThat(this.api.delete("/v1/stories/" + deleted.storyId()).as(author).send().status()).isEqualTo(204);
		assertThat(this.api.get("/v1/chapters/" + deleted.chapterId()).send().status()).isEqualTo(404);
	}

	@Test
	void anAuthorsLeavingAndReturningShowInTheNextRead() {
		String author = "user_leaving_writer";
		Fixtures.Published published = cachedChapter(author, "Leaving", "Farewell.");
		String path = "/v1/chapters/" + published.chapterId();
		assertThat(this.api.delete("/v1/me").as(author).send().status()).isEqualTo(202);
		assertThat(this.api.get(path).send().status()).isEqualTo(404);
		assertThat(this.api.post("/v1/me/restore").as(author).send().status()).isEqualTo(200);
		assertThat(read(path).path("content").asString()).isEqualTo("Farewell.");
	}

	@Test
	void anAccountsPurgeShowsInTheNextRead() {
		String author = "user_purged_writer";
		Fixtures.Published published = cachedChapter(author, "Purged", "Soon gone.");
		String path = "/v1/chapters/" + published.chapterId();
		UUID authorId = UUID.fromString(fixtures().me(author).path("id").asString());
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(new UserDeleted(authorId)));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.api.get(path).send().status()).isEqualTo(404));
	}

	@Test
	void theInProcessCacheIsBoundedByTheChaptersSize() {
		CaffeineCache chapters = (CaffeineCache) this.caches.getCache(CacheNames.CHAPTERS);
		assertThat(chapters.getNativeCache().policy().eviction().orElseThrow().isWeighted()).isTrue();
		assertThat(chapters.getNativeCache().policy().eviction().orElseThrow().getMaximum())
			.isEqualTo(64L * 1024 * 1024);
	}

	@Test
	void theAuthorReadsPastWhatReadersHaveCached() {
		String author = "user_drafting_writer";
		Fixtures.Published published = fixtures().publishedChapter(author, "Drafting", "Out.");
		String draft = fixtures().chapter(author, published.storyId(), "Draft", "Not yet.");
		String path = "/v1/chapters/" + published.chapterId();
		assertThat(read(path).path("next_chapter_id").isNull()).isTrue();
		assertThat(read(path, author).path("next_chapter_id").asString()).isEqualTo(draft);
		assertThat(read(path).path("next_chapter_id").isNull()).isTrue();
	}

	/** A published chapter, read once by a reader: cached. */
	private Fixtures.Published cachedChapter(String author, String title, String content) {
		Fixtures.Published published = fixtures().publishedChapter(author, title, content);
		read("/v1/chapters/" + published.chapterId());
		return published;
	}

	private void editStory(String author, String storyId, Map<String, Object> changes) {
		Api.Reply reply = this.api.put("/v1/stories/" + storyId).as(author).json(changes).send();
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
	}

	private Fixtures fixtures() {
		return new Fixtures(this.api);
	}

	private void publish(String author, String chapter) {
		assertThat(this.api.post("/v1/chapters/" + chapter + "/publish").as(author).send().status()).isEqualTo(200);
	}

	private String next(String chapter) {
		JsonNode next = read("/v1/chapters/" + chapter).path("next_chapter_id");
		return next.isNull() ? null : next.asString();
	}

	private String previous(String chapter) {
		JsonNode previous = read("/v1/chapters/" + chapter).path("previous_chapter_id");
		return previous.isNull() ? null : previous.asString();
	}

	private JsonNode read(String path) {
		Api.Reply reply = this.api.get(path).send();
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json();
	}

	private JsonNode read(String path, String reader) {
		Api.Reply reply = this.api.get(path).as(reader).send();
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json();
	}

}
