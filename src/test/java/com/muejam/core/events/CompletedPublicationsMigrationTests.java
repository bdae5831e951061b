package com.muejam.core.events;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.muejam.support.IntegrationTest;
import com.muejam.support.ScratchDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V37 on a database migrated up to V36: the publications completed before it are deleted,
 * the incomplete ones kept.
 */
@IntegrationTest
class CompletedPublicationsMigrationTests {

	@RegisterExtension
	final ScratchDatabase database = new ScratchDatabase("before_v37");

	@Test
	void completedPublicationsAreDeletedAndIncompleteOnesKept() {
		this.database.migrateTo("36");
		JdbcClient before = this.database.jdbc();
		before.sql("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
				                               completion_date, status)
				values (gen_random_uuid(), 'done', 'Done', '{}', now(), now(), 'COMPLETED'),
				       (gen_random_uuid(), 'to run', 'ToRun', '{}', now(), null, 'PUBLISHED'),
				       (gen_random_uuid(), 'failed', 'Failed', '{}', now(), null, 'FAILED')""").update();

		this.database.migrateTo("37");

		assertThat(
				before.sql("select listener_id from event_publication order by listener_id").query(String.class).list())
			.isEqualTo(List.of("failed", "to run"));
	}

}
