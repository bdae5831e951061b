package com.muejam.notifications;

import java.util.List;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.QueryInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.muejam.support.IntegrationTest;
import com.muejam.support.QueryPlans;
import com.muejam.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox keeps every email it sent; what the delivery worker and the backlog gauge
 * read is the pending messages only, through their partial index, with the plan
 * PostgreSQL keeps for the statement.
 */
@IntegrationTest
class OutboxCostTests {

	@Autowired
	OutboxQueries outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatementCounter statements;

	@Autowired
	DataSource dataSource;

	@BeforeEach
	void manySentAndTwoPending() {
		this.jdbc.sql("""
				insert into email_outbox (idempotency_key, recipient, subject, html_body, text_body, status, sent_at,
				                          next_attempt_at)
				select 'sent-' || g, 'reader@example.com', 'Hi', '<p>Hi</p>', 'Hi',
				       case when g <= 2 then 'PENDING' else 'SENT' end, case when g > 2 then now() end,
				       now() - interval '1 minute'
				from generate_series(1, 3000) g""").update();
		this.jdbc.sql("analyze email_outbox").update();
	}

	@Test
	void claimingDueMessagesAndCountingTheBacklogReadOnlyPendingMessages() {
		for (Runnable read : List.<Runnable>of(() -> assertThat(this.outbox.backlog()).isEqualTo(2),
				() -> assertThat(this.outbox.claimDue(10)).hasSize(2))) {
			List<QueryInfo> statements = this.statements.capture(read);
			assertThat(statements).hasSize(1);
			assertThat(QueryPlans.rowsReadWhenReused(this.dataSource, statements.get(0), "email_outbox", 8))
				.as(statements.get(0).getQuery())
				.isLessThanOrEqualTo(20);
		}
	}

}
