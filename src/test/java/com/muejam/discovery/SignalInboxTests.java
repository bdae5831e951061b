package com.muejam.discovery;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.muejam.support.EventsHandled;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;
import com.muejam.support.StatementCounter;
import com.muejam.whispers.StoryWhispered;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers' signals are appended to discovery's inbox in the transaction that made them,
 * and counted in batches: one statement counts a batch as the signals would have counted
 * one by one (once per reader, story, kind and day; never the author's own or a suspended
 * reader's), and deletes what it counted.
 */
@IntegrationTest
class SignalInboxTests {

	@Autowired
	SignalQueries queries;

	@Autowired
	SignalInbox inbox;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatementCounter statements;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void oneStatementCountsABatchAsItsSignalsOneByOne() {
		String storyId = this.fixtures.publishedStory("user_author", "Batched", List.of("Cozy", "Quiet"));
		UUID story = UUID.fromString(storyId);
		UUID chapter = UUID.fromString(this.fixtures.chapter("user_author", storyId, "One", "x".repeat(100)));
		UUID author = id("user_author");
		UUID first = id("user_r1");
		UUID second = id("user_r2");
		UUID suspended = id("user_sock");
		this.jdbc.sql("update user_profiles set suspended_at = now() where id = :id").param("id", suspended).update();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		// a save twice in one batch, two readers' first reads, the author's own like, a
		// suspended reader's save, and signals for a story and a chapter that are gone
		this.queries.append(Signal.SAVE, story, first, null, null);
		this.queries.append(Signal.SAVE, story, first, null, null);
		this.queries.append(Signal.READ, story, first, chapter, today);
		this.queries.append(Signal.READ, story, second, chapter, today);
		this.queries.append(Signal.LIKE, story, author, null, null);
		this.queries.append(Signal.SAVE, story, suspended, null, null);
		this.queries.append(Signal.LIKE, UUID.randomUUID(), first, null, null);
		this.queries.append(Signal.READ, story, second, UUID.randomUUID(), today);

		assertThat(this.statements.capture(() -> assertThat(this.inbox.drainAll()).isEqualTo(8))).hasSize(1);

		assertThat(inboxSize()).isZero();
		assertThat(storyDay(story)).containsEntry("saves_count", 1)
			.containsEntry("reads_count", 2)
			.containsEntry("chapter_reads_count", 2)
			.containsEntry("likes_count", 0);
		assertThat(authorDay(author)).containsEntry("saves_count", 1)
			.containsEntry("reads_count", 2)
			.containsEntry("chapter_reads_count", 2)
			.containsEntry("likes_count", 0);
		assertThat(readers(chapter)).isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from story_engagements").query(Long.class).single()).isEqualTo(3);
		// save 3 + read 1 in each tag and the author; the second reader's read 1
		assertThat(interests(first)).containsExactlyInAnyOrder(4.0, 4.0, 4.0);
		assertThat(interests(second)).containsExactlyInAnyOrder(1.0, 1.0, 1.0);
		assertThat(interests(suspended)).isEmpty();
		assertThat(interests(author)).isEmpty();

		// the next batch: the same day's save and read again are not news, another
		// chapter's first read counts for its chapter and the story's chapter reads
		String next = this.fixtures.chapter("user_author", storyId, "Two", "y".repeat(50));
		this.queries.append(Signal.SAVE, story, first, null, null);
		this.queries.append(Signal.READ, story, first, UUID.fromString(next), today);
		this.queries.append(Signal.COMPLETE_READ, story, first, chapter, today);
		assertThat(this.inbox.drainAll()).isEqualTo(3);
		assertThat(storyDay(story)).containsEntry("saves_count", 1)
			.containsEntry("reads_count", 2)
			.containsEntry("chapter_reads_count", 3)
			.containsEntry("completions_count", 1);
		assertThat(authorDay(author)).containsEntry("chapter_reads_count", 3).containsEntry("completions_count", 1);
		assertThat(readers(UUID.fromString(next))).isEqualTo(1);
		assertThat(readers(chapter)).isEqualTo(2);
		// and a completed read 2.5
		assertThat(interests(first)).containsExactlyInAnyOrder(6.5, 6.5, 6.5);
	}

	@Test
	void aSignalIsAppendedWithItsTransactionAndCountedOnceItCommits() {
		UUID story = UUID.fromString(this.fixtures.publishedStory("user_author", "Kept", List.of()));
		UUID reader = id("user_reader");
		this.transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(new StoryWhispered(UUID.randomUUID(), story, reader));
			status.setRollbackOnly();
		});
		assertThat(inboxSize()).isZero();
		this.transactions.executeWithoutResult(
				(status) -> this.events.publishEvent(new StoryWhispered(UUID.randomUUID(), story, reader)));
		// counted after the commit, without a scheduled run (tests run none)
		EventsHandled.await(this.jdbc);
		assertThat(storyDay(story)).containsEntry("whispers_count", 1);
	}

	@Test
	void signalsCommittedInABurstAreCountedTogether() {
		UUID reader = id("user_reader");
		List<UUID> stories = new java.util.ArrayList<>();
		for (int i = 0; i < 10; i++) {
			stories.add(UUID.fromString(this.fixtures.publishedStory("user_author", "Burst " + i, List.of())));
		}
		List<String> drains = this.statements.capture(() -> {
			// ten story whispers, each committed on its own, as ten requests would
			stories.forEach((story) -> this.transactions.executeWithoutResult(
					(status) -> this.events.publishEvent(new StoryWhispered(UUID.randomUUID(), story, reader))));
			EventsHandled.await(this.jdbc);
		}).stream().map((query) -> query.getQuery()).filter((sql) -> sql.contains("delete from signal_inbox")).toList();
		// counted in one statement after a moment's gathering, not one each
		assertThat(drains).hasSize(1);
		assertThat(this.jdbc.sql("select sum(whispers_count) from story_stats_daily").query(Long.class).single())
			.isEqualTo(10);
	}

	@Test
	void aBatchLargerThanOneStatementTakesIsCountedWhole() {
		UUID story = UUID.fromString(this.fixtures.publishedStory("user_author", "Popular", List.of()));
		this.jdbc
			.sql("""
					insert into user_profiles (clerk_user_id, handle, display_name, email)
					select 'user_many_' || g, 'many_' || g, 'Many', 'many' || g || '@example.com' from generate_series(1, 2500) g""")
			.update();
		this.jdbc.sql("""
				insert into signal_inbox (kind, story_id, user_id)
				select 'SAVE', :story, id from user_profiles where clerk_user_id like 'user_many_%'""")
			.param("story", story)
			.update();
		assertThat(this.inbox.drainAll()).isEqualTo(2500);
		assertThat(storyDay(story)).containsEntry("saves_count", 2500);
		assertThat(inboxSize()).isZero();
	}

	private UUID id(String user) {
		return UUID.fromString(this.fixtures.me(user).path("id").asString());
	}

	private long inboxSize() {
		return this.jdbc.sql("select count(*) from signal_inbox").query(Long.class).single();
	}

	private Map<String, Object> storyDay(UUID story) {
		return this.jdbc.sql("select * from story_stats_daily where story_id = :story")
			.param("story", story)
			.query()
			.singleRow();
	}

	private Map<String, Object> authorDay(UUID author) {
		return this.jdbc.sql("select * from author_stats_daily where author_id = :author")
			.param("author", author)
			.query()
			.singleRow();
	}

	private int readers(UUID chapter) {
		return this.jdbc.sql("select readers from chapter_stats where chapter_id = :chapter")
			.param("chapter", chapter)
			.query(Integer.class)
			.single();
	}

	private List<Double> interests(UUID user) {
		return this.jdbc.sql("select score from user_interests where user_id = :user")
			.param("user", user)
			.query(Double.class)
			.list();
	}

}
