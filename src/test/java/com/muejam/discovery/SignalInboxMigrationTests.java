package com.muejam.discovery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.muejam.library.ChapterRead;
import com.muejam.library.StorySaved;
import com.muejam.social.UserFollowed;
import com.muejam.support.IntegrationTest;
import com.muejam.support.ScratchDatabase;
import com.muejam.whispers.WhisperLiked;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V39 on a database migrated up to V38: the signals the previous version published and
 * had not counted yet (its listeners' publications still incomplete, parked or not) move
 * to the inbox, and their publications go; other publications stay.
 */
@IntegrationTest
class SignalInboxMigrationTests {

	private static final String LISTENER = "com.muejam.discovery.DiscoverySignals.on(";

	@RegisterExtension
	final ScratchDatabase database = new ScratchDatabase("before_v39");

	@Autowired
	EventSerializer serializer;

	@Test
	void signalsNotCountedYetMoveToTheInbox() {
		this.database.migrateTo("38");
		JdbcClient db = this.database.jdbc();
		UUID story = UUID.randomUUID();
		UUID reader = UUID.randomUUID();
		UUID chapter = UUID.randomUUID();
		UUID liker = UUID.randomUUID();
		Instant published = Instant.parse("2026-12-06T23:30:00Z");
		publish(db, ChapterRead.class, new ChapterRead(reader, chapter, story, LocalDate.of(2026, 12, 5)), published,
				false);
		UUID parked = publish(db, StorySaved.class, new StorySaved(reader, story, UUID.randomUUID()), published, false);
		db.sql("insert into parked_event_publications (publication_id, parked_at) values (:id, now())")
			.param("id", parked)
			.update();
		publish(db, WhisperLiked.class, new WhisperLiked(UUID.randomUUID(), liker, reader, story), published, false);
		// counted already, another module's listener, and the follow's own listener: stay
		publish(db, StorySaved.class, new StorySaved(liker, story, UUID.randomUUID()), published, true);
		UUID other = publish(db, "com.muejam.notifications.Elsewhere.on(com.muejam.library.StorySaved)",
				StorySaved.class, new StorySaved(liker, story, UUID.randomUUID()), published, false);
		UUID follow = publish(db, UserFollowed.class, new UserFollowed(reader, liker), published, false);

		this.database.migrateTo("39");

		assertThat(db.sql("""
				select concat_ws(' ', kind, story_id, user_id, coalesce(cast(chapter_id as text), '-'), day)
				from signal_inbox order by kind""").query(String.class).list()).containsExactly(
				"LIKE %s %s - 2026-12-06".formatted(story, liker),
				"READ %s %s %s 2026-12-05".formatted(story, reader, chapter),
				"SAVE %s %s - 2026-12-06".formatted(story, reader));
		assertThat(db.sql("select id from event_publication where completion_date is null").query(UUID.class).list())
			.containsExactlyInAnyOrder(other, follow);
		assertThat(db.sql("select count(*) from event_publication").query(Long.class).single()).isEqualTo(3);
		assertThat(db.sql("select count(*) from parked_event_publications").query(Long.class).single()).isZero();
	}

	@Test
	void theListenerIdsTheMigrationMatchesAreSpringModulithsForThisClass() throws Exception {
		var listener = new TransactionalApplicationListenerMethodAdapter("discoverySignals", DiscoverySignals.class,
				DiscoverySignals.class.getDeclaredMethod("on", UserFollowed.class));
		assertThat(listener.getListenerId()).isEqualTo(LISTENER + UserFollowed.class.getName() + ")");
	}

	private UUID publish(JdbcClient db, Class<?> type, Object event, Instant at, boolean completed) {
		return publish(db, LISTENER + type.getName() + ")", type, event, at, completed);
	}

	private UUID publish(JdbcClient db, String listener, Class<?> type, Object event, Instant at, boolean completed) {
		UUID id = UUID.randomUUID();
		db.sql("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
				                               completion_date, status)
				values (:id, :listener, :type, :event, :at, :done, :status)""")
			.param("id", id)
			.param("listener", listener)
			.param("type", type.getName())
			.param("event", this.serializer.serialize(event).toString())
			.param("at", java.sql.Timestamp.from(at))
			.param("done", completed ? java.sql.Timestamp.from(at) : null, java.sql.Types.TIMESTAMP)
			.param("status", completed ? "COMPLETED" : "PUBLISHED")
			.update();
		return id;
	}

}
