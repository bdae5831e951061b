package com.muejam.library;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.QueryInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;
import com.muejam.support.QueryPlans;
import com.muejam.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a page of the reading list costs does not grow with the reader's history: a reader
 * with a position in every chapter of many stories reads about a page of positions,
 * whichever plan PostgreSQL keeps for the statement; and the pages, followed by their
 * cursors, hold each story once, at its latest position, most recent first.
 */
@IntegrationTest
class ReadingListCostTests {

	private static final int STORIES = 40;

	private static final int CHAPTERS = 40;

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatementCounter statements;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	/**
	 * Published serials of many chapters, and a reader who read every chapter of each:
	 * story {@code n} was read {@code n} hundred-minute steps ago, one chapter a minute,
	 * its latest position in {@link #latestChapterOf chapter (n mod 40) + 1}. Written in
	 * SQL, as the saves would have left them (each position, and each story's latest),
	 * then analyzed.
	 */
	@BeforeEach
	void anAvidReader() {
		String author = this.fixtures.me("user_prolific").path("id").asString();
		String reader = this.fixtures.me("user_avid").path("id").asString();
		this.jdbc
			.sql("""
					insert into stories (slug, title, blurb, author_id, published, published_at, created_at, updated_at,
					                     live_chapter_count)
					select 'bulk-' || g, 'Bulk ' || g, 'A story.', :author::uuid, true, now() - interval '30 days', now(), now(),
					       :chapters
					from generate_series(1, :stories) g""")
			.param("author", author)
			.param("stories", STORIES)
			.param("chapters", CHAPTERS)
			.update();
		this.jdbc.sql("""
				insert into chapters (story_id, chapter_number, title, content, published, published_at, text_length)
				select s.id, n, 'Chapter ' || n, repeat('x', 100), true, now() - interval '30 days', 100
				from stories s cross join generate_series(1, :chapters) n""").param("chapters", CHAPTERS).update();
		this.jdbc
			.sql("""
					insert into reading_progress (user_id, chapter_id, story_id, char_offset, updated_at)
					select :reader::uuid, c.id, s.id, 10,
					       now() - (split_part(s.slug, '-', 2)::int * 100
					                + (c.chapter_number + :chapters - 1 - split_part(s.slug, '-', 2)::int % :chapters) % :chapters)
					               * interval '1 minute'
					from stories s join chapters c on c.story_id = s.id""")
			.param("reader", reader)
			.param("chapters", CHAPTERS)
			.update();
		this.jdbc.sql("""
				insert into story_progress (user_id, story_id, progress_id, updated_at, chapter_id, char_offset)
				select distinct on (user_id, story_id) user_id, story_id, id, updated_at, chapter_id, char_offset
				from reading_progress
				order by user_id, story_id, updated_at desc, id desc""").update();
		this.jdbc.sql("analyze").update();
	}

	@Test
	void aPageReadsAboutAPageOfPositionsWhateverTheReadersHistory() {
		String token = this.api.token("user_avid");
		String path = "/v1/library/reading?page_size=20";
		// the sign-in is remembered after the first request
		this.api.get(path).bearer(token).send();
		List<QueryInfo> statements = this.statements.capture(() -> {
			Api.Reply reply = this.api.get(path).bearer(token).send();
			assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
			assertThat(reply.json().path("data").size()).isEqualTo(20);
		});
		assertThat(statements).hasSize(1);
		// each story's latest position carries its chapter and offset: the positions of
		// every chapter are not read at all
		assertThat(QueryPlans.tablesRead(this.dataSource, statements.get(0))).doesNotContain("reading_progress");
		// run as the pool runs it, past the point where PostgreSQL keeps one plan for it
		assertThat(QueryPlans.rowsReadWhenReused(this.dataSource, statements.get(0), "story_progress", 8))
			.as("latest positions read of %d", STORIES)
			.isLessThanOrEqualTo(21);
		// each story once (the page's 20 and the one that tells there is a next page),
		// for its visibility (it was 42); the stories come from the cache
		assertThat(QueryPlans.rowsReadWhenReused(this.dataSource, statements.get(0), "stories", 8))
			.as("stories read for a page of 20")
			.isLessThanOrEqualTo(21);
	}

	@Test
	void thePagesHoldEachStoryOnceAtItsLatestPositionMostRecentFirst() {
		assertThat(everyPage()).containsExactlyElementsOf(
				IntStream.rangeClosed(1, STORIES).mapToObj((n) -> "bulk-" + n + "#" + latestChapterOf(n)).toList());
		String oldest = chapterOf("bulk-" + STORIES, latestChapterOf(STORIES) + 1);
		assertThat(saveAs("user_avid", oldest).status()).isEqualTo(200);
		List<String> after = everyPage();
		assertThat(after).hasSize(STORIES)
			.startsWith("bulk-" + STORIES + "#" + (latestChapterOf(STORIES) + 1), "bulk-1#" + latestChapterOf(1));
	}

	@Test
	void aSaveOvertakenByALaterOneLeavesTheLaterAsTheStorysPosition() {
		String earlier = chapterOf("bulk-1", 10);
		String later = chapterOf("bulk-1", 20);
		AtomicReference<CompletableFuture<Api.Reply>> overtaken = new AtomicReference<>();
		this.transactions.executeWithoutResult((status) -> {
			// the earlier save waits for this lock on its position, the later one does
			// not
			this.jdbc.sql("select 1 from reading_progress where chapter_id = :chapter::uuid for update")
				.param("chapter", earlier)
				.query(Integer.class)
				.single();
			overtaken.set(CompletableFuture.supplyAsync(() -> saveAs("user_avid", earlier)));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'")
					.query(Long.class)
					.single() > 0);
			assertThat(saveAs("user_avid", later).status()).isEqualTo(200);
		});
		assertThat(overtaken.get().join().status()).isEqualTo(200);
		assertThat(everyPage()).hasSize(STORIES).startsWith("bulk-1#20");
	}

	private Api.Reply saveAs(String reader, String chapter) {
		return this.api.post("/v1/chapters/" + chapter + "/progress").as(reader).json(Map.of("offset", 20)).send();
	}

	private static int latestChapterOf(int story) {
		return story % CHAPTERS + 1;
	}

	private String chapterOf(String slug, int number) {
		return this.jdbc.sql("""
				select c.id::text from chapters c join stories s on s.id = c.story_id
				where s.slug = :slug and c.chapter_number = :number""")
			.param("slug", slug)
			.param("number", number)
			.query(String.class)
			.single();
	}

	/** Every page of the reader's list, as "slug#chapter number". */
	private List<String> everyPage() {
		String token = this.api.token("user_avid");
		List<String> seen = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = this.api
				.get("/v1/library/reading?page_size=15" + ((cursor != null) ? "&cursor=" + cursor : ""))
				.bearer(token)
				.send()
				.json();
			for (JsonNode item : page.path("data")) {
				seen.add(item.path("story").path("slug").asString() + "#"
						+ item.path("chapter").path("chapter_number").asInt());
			}
			cursor = page.path("next_cursor").asString(null);
		}
		while (cursor != null);
		return seen;
	}

}
