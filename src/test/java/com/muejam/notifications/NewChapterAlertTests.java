package com.muejam.notifications;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.muejam.support.EventsHandled;
import com.muejam.support.Api;
import com.muejam.support.EventStream;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * New-chapter alerts: who hears of a new chapter, when, and exactly once.
 */
@IntegrationTest
class NewChapterAlertTests {

	private static final String AUTHOR = "user_author";

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NewChapterAlerts alerts;

	@Autowired
	ChapterAlertQueries queries;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Environment environment;

	private String storyId = "";

	private String authorId = "";

	@BeforeEach
	void aStoryWithAChapterWhoseAlertIsDelivered() {
		this.storyId = this.fixtures.publishedChapter(AUTHOR, "The Long Road", "Chapter one.").storyId();
		this.authorId = this.fixtures.me(AUTHOR).path("id").asString();
		drain();
	}

	@Test
	void aNewChapterNotifiesShelversAndFollowersOnceNeverTheAuthorNorAcrossBlocks() {
		follow("user_follower");
		shelve("user_shelver");
		follow("user_both");
		shelve("user_both");
		shelve("user_blocker");
		assertThat(this.api.post("/v1/users/" + this.authorId + "/block").as("user_blocker").send().status())
			.isEqualTo(200);
		String chapter = publishChapter("Chapter two.", null);
		drain();
		assertThat(newChapterAlerts("user_follower")).containsExactly(chapter);
		assertThat(newChapterAlerts("user_shelver")).containsExactly(chapter);
		assertThat(newChapterAlerts("user_both")).containsExactly(chapter);
		assertThat(newChapterAlerts("user_blocker")).isEmpty();
		assertThat(newChapterAlerts(AUTHOR)).isEmpty();
		// the job running again changes nothing
		assertThat(this.alerts.deliverDue()).isZero();
		JsonNode alert = this.api.get("/v1/notifications").as("user_follower").send().json().path("data").get(0);
		assertThat(alert.path("type").asString()).isEqualTo("NEW_CHAPTER");
		assertThat(alert.path("story_id").asString()).isEqualTo(this.storyId);
		assertThat(alert.path("chapter_id").asString()).isEqualTo(chapter);
		assertThat(alert.path("actor").path("id").asString()).isEqualTo(this.authorId);
	}

	@Test
	void anOpenStreamHearsOfTheNewChapterLive() throws Exception {
		follow("user_follower");
		String url = "http://localhost:" + this.environment.getProperty("local.server.port")
				+ "/v1/notifications/stream";
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + this.api.token("user_follower"))
			.GET()
			.build();
		try (EventStream stream = new EventStream(
				HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream()))) {
			assertThat(stream.status()).isEqualTo(200);
			String chapter = publishChapter("Chapter two.", null);
			drain();
			List<String> event = stream.nextEvent();
			assertThat(event).contains("event:notification");
			assertThat(event.stream().filter((line) -> line.startsWith("data:")).findFirst().orElseThrow())
				.contains("\"type\":\"NEW_CHAPTER\"")
				.contains("\"chapter_id\":\"" + chapter + "\"");
		}
	}

	@Test
	void aScheduledChapterNotifiesWhenItGoesLiveNotWhenItIsScheduled() {
		follow("user_follower");
		String chapter = publishChapter("Chapter two.", java.time.Instant.now().plus(Duration.ofDays(1)).toString());
		drain();
		assertThat(newChapterAlerts("user_follower")).isEmpty();
		// its time comes
		this.jdbc.sql("update chapters set published_at = now() - interval '1 second' where id = :id::uuid")
			.param("id", chapter)
			.update();
		this.jdbc.sql("update chapter_alerts set live_at = now() - interval '1 second' where chapter_id = :id::uuid")
			.param("id", chapter)
			.update();
		drain();
		assertThat(newChapterAlerts("user_follower")).containsExactly(chapter);
	}

	@Test
	void aFanOutCutShortResumesAndNotifiesEveryReaderExactlyOnce() {
		List<String> readers = List.of("user_r1", "user_r2", "user_r3", "user_r4", "user_r5");
		readers.forEach(this::follow);
		String chapter = publishChapter("Chapter two.", null);
		awaitEvents();
		ChapterAlertQueries.Alert alert = this.queries.due(java.time.Instant.now(), 20).getFirst();
		// one batch of two commits
		NewChapterAlerts.Batch first = this.alerts.deliverBatch(alert, 2);
		assertThat(first.notified()).isEqualTo(2);
		// the next batch dies before its transaction commits: nothing of it stays
		this.transactions.executeWithoutResult((tx) -> {
			this.alerts.deliverBatch(first.next(), 2);
			tx.setRollbackOnly();
		});
		assertThat(countAlerts(chapter)).isEqualTo(2);
		// the job resumes after the last committed batch
		assertThat(this.alerts.deliverDue()).isEqualTo(3);
		// and even a lost place (the whole fan-out again) notifies nobody twice
		this.jdbc.sql("update chapter_alerts set after_user_id = null, done_at = null where chapter_id = :id::uuid")
			.param("id", chapter)
			.update();
		assertThat(this.alerts.deliverDue()).isZero();
		readers.forEach((reader) -> assertThat(newChapterAlerts(reader)).as(reader).containsExactly(chapter));
	}

	@Test
	void newChapterEmailsAreOffUntilTheReaderSwitchesThemOn() {
		JsonNode settings = this.api.get("/v1/me/notification-settings").as("user_follower").send().json();
		assertThat(settings.path("email_new_chapter").asBoolean()).isFalse();
		follow("user_follower");
		follow("user_reader");
		// a change without the new field keeps it
		Api.Reply changed = this.api.put("/v1/me/notification-settings")
			.as("user_reader")
			.json(Map.of("email_reply", true, "email_follow", true, "email_new_chapter", true))
			.send();
		assertThat(changed.json().path("email_new_chapter").asBoolean()).isTrue();
		changed = this.api.put("/v1/me/notification-settings")
			.as("user_reader")
			.json(Map.of("email_reply", false, "email_follow", true))
			.send();
		assertThat(changed.json().path("email_new_chapter").asBoolean()).isTrue();
		this.fixtures.singleEmails("user_reader");
		this.fixtures.singleEmails("user_follower");
		publishChapter("Chapter two.", null);
		drain();
		assertThat(queuedEmails("user_reader@example.com")).containsExactly(
				this.fixtures.me(AUTHOR).path("display_name").asString() + " published a new chapter of The Long Road");
		assertThat(queuedEmails("user_follower@example.com")).isEmpty();
	}

	private String publishChapter(String content, String publishAt) {
		String chapter = this.fixtures.chapter(AUTHOR, this.storyId, "Next", content);
		Api.Call publish = this.api.post("/v1/chapters/" + chapter + "/publish").as(AUTHOR);
		if (publishAt != null) {
			publish = publish.json(Map.of("publish_at", publishAt));
		}
		Api.Reply reply = publish.send();
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return chapter;
	}

	private void follow(String reader) {
		Api.Reply reply = this.api.post("/v1/users/" + this.authorId + "/follow").as(reader).send();
		assertThat(reply.status()).as(reply.toString()).isBetween(200, 201);
	}

	private void shelve(String reader) {
		String shelf = this.fixtures.shelf(reader, "Mine");
		Api.Reply reply = this.api.post("/v1/library/shelves/" + shelf + "/items")
			.as(reader)
			.json(Map.of("story_id", this.storyId))
			.send();
		assertThat(reply.status()).as(reply.toString()).isBetween(200, 201);
	}

	/** Waits for the publishing events' listeners, then runs the alert job. */
	private void drain() {
		awaitEvents();
		this.alerts.deliverDue();
	}

	private void awaitEvents() {
		EventsHandled.await(this.jdbc);
	}

	private List<String> newChapterAlerts(String subject) {
		return this.jdbc.sql("""
				select n.chapter_id::text from notifications n join user_profiles u on u.id = n.user_id
				where u.clerk_user_id = :subject and n.type = 'NEW_CHAPTER' order by n.created_at""")
			.param("subject", subject)
			.query(String.class)
			.list();
	}

	private long countAlerts(String chapter) {
		return this.jdbc.sql("select count(*) from notifications where chapter_id = :id::uuid")
			.param("id", chapter)
			.query(Long.class)
			.single();
	}

	private List<String> queuedEmails(String recipient) {
		return this.jdbc.sql("select subject from email_outbox where recipient = :to and kind = 'NEW_CHAPTER'")
			.param("to", recipient)
			.query(String.class)
			.list();
	}

}
