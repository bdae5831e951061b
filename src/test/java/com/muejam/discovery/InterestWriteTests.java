package com.muejam.discovery;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reader's signal writes to their interests: a repeat interest in a tag or an
 * author is updated in place (a heap-only update, which writes no index entry), since no
 * index holds the score it changes. Every save and every first read of the day adds to
 * interests, so this is most of the signal's cost.
 */
@IntegrationTest
class InterestWriteTests {

	@Autowired
	SignalQueries signals;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aRepeatInterestIsUpdatedInPlace() {
		UUID story = UUID
			.fromString(this.fixtures.publishedStory("user_author", "Read Then Saved", List.of("Cozy", "Quiet")));
		UUID reader = UUID.fromString(this.fixtures.me("user_reader").path("id").asString());
		this.transactions.executeWithoutResult((status) -> count(Signal.READ, story, reader));
		Map<String, Object> updates = this.transactions.execute((status) -> {
			count(Signal.SAVE, story, reader);
			return this.jdbc
				.sql("""
						select pg_stat_get_xact_tuples_updated(c.oid) as updated, pg_stat_get_xact_tuples_hot_updated(c.oid) as hot
						from pg_class c where c.oid = 'user_interests'::regclass""")
				.query()
				.singleRow();
		});
		// two tags and the author, each updated without a new index entry
		assertThat(updates).containsEntry("updated", 3L).containsEntry("hot", 3L);
		assertThat(this.jdbc.sql("select sum(score) from user_interests where user_id = :reader")
			.param("reader", reader)
			.query(Double.class)
			.single()).isEqualTo(3 * (Signal.READ.interestWeight() + Signal.SAVE.interestWeight()));
	}

	/** Appends a signal and counts it, in the caller's transaction. */
	private void count(Signal signal, UUID story, UUID reader) {
		this.signals.append(signal, story, reader, null, null);
		this.signals.drain(10);
	}

}
