package com.muejam.users;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.muejam.support.EventsHandled;
import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An account deleted by its owner: gone at once, restorable for 30 days with exactly what
 * went with it, then purged of personal data, moderation records kept.
 */
@IntegrationTest
class AccountDeletionTests {

	private static final String LEAVER = "user_leaver";

	private static final String READER = "user_stayer";

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountService accounts;

	@Test
	void contentDisappearsAtOnceAndComesBackExactlyOnRestore() {
		String handle = this.fixtures.me(LEAVER).path("handle").asString();
		Fixtures.Published kept = this.fixtures.publishedChapter(LEAVER, "Kept", "Kept words.");
		Fixtures.Published gone = this.fixtures.publishedChapter(LEAVER, "Deleted before", "Gone words.");
		assertThat(this.api.delete("/v1/stories/" + gone.storyId()).as(LEAVER).send().status()).isEqualTo(204);
		String whisper = this.api.post("/v1/whispers")
			.as(LEAVER)
			.json(Map.of("content", "Hello"))
			.send()
			.json()
			.path("id")
			.asString();

		Api.Reply deleted = this.api.delete("/v1/me").as(LEAVER).send();

		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(202);
		Instant deletedAt = Instant.parse(deleted.json().path("deleted_at").asString());
		assertThat(Instant.parse(deleted.json().path("purge_after").asString()))
			.isEqualTo(deletedAt.plus(Duration.ofDays(30)));
		assertThat(status("/v1/stories/" + kept.storyId(), READER)).isEqualTo(404);
		assertThat(status("/v1/chapters/" + kept.chapterId(), READER)).isEqualTo(404);
		assertThat(status("/v1/users/" + handle, READER)).isEqualTo(404);
		assertThat(status("/v1/whispers/" + whisper, READER)).isEqualTo(404);
		Api.Reply me = this.api.get("/v1/me").as(LEAVER).send();
		assertThat(me.status()).isEqualTo(403);
		assertThat(me.errorCode()).isEqualTo("ACCOUNT_DEACTIVATED");
		assertThat(this.api.delete("/v1/me").as(LEAVER).send().errorCode()).isEqualTo("ACCOUNT_DEACTIVATED");

		Api.Reply restored = this.api.post("/v1/me/restore").as(LEAVER, "moderator").send();

		assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
		assertThat(restored.json().path("roles").toString()).as("the token's roles, as GET /v1/me shows them")
			.isEqualTo("[\"moderator\"]");
		assertThat(restored.json().path("handle").asString()).isEqualTo(handle);
		assertThat(status("/v1/stories/" + kept.storyId(), READER)).isEqualTo(200);
		assertThat(status("/v1/chapters/" + kept.chapterId(), READER)).isEqualTo(200);
		assertThat(status("/v1/users/" + handle, READER)).isEqualTo(200);
		assertThat(status("/v1/whispers/" + whisper, READER)).isEqualTo(200);
		assertThat(status("/v1/stories/" + gone.storyId(), READER)).as("deleted by its author before").isEqualTo(404);
		assertThat(status("/v1/me", LEAVER)).isEqualTo(200);
	}

	@Test
	void afterThirtyDaysPersonalDataIsPurgedAndModerationRecordsKept() {
		String leaverId = this.fixtures.me(LEAVER).path("id").asString();
		String readerId = this.fixtures.me(READER).path("id").asString();
		Fixtures.Published theirs = this.fixtures.publishedChapter(READER, "Theirs", "Words to highlight here.");
		ok(this.api.post("/v1/chapters/" + theirs.chapterId() + "/progress").as(LEAVER).json(Map.of("offset", 4)));
		ok(this.api.post("/v1/chapters/" + theirs.chapterId() + "/bookmarks").as(LEAVER).json(Map.of("offset", 2)));
		ok(this.api.post("/v1/chapters/" + theirs.chapterId() + "/highlights")
			.as(LEAVER)
			.json(Map.of("start_offset", 0, "end_offset", 5)));
		String shelf = this.fixtures.shelf(LEAVER, "Mine");
		ok(this.api.post("/v1/library/shelves/" + shelf + "/items")
			.as(LEAVER)
			.json(Map.of("story_id", theirs.storyId())));
		ok(this.api.post("/v1/users/" + readerId + "/follow").as(LEAVER));
		ok(this.api.post("/v1/users/" + leaverId + "/follow").as(READER));
		ok(this.api.put("/v1/me/preferences").as(LEAVER).json(Map.of("muted_tags", java.util.List.of("horror"))));
		ok(this.api.post("/v1/reports").as(LEAVER).json(Map.of("story_id", theirs.storyId(), "reason", "Spam")));
		assertThat(this.api.get("/v1/me").as(READER).send().json().path("follower_count").asInt()).isEqualTo(1);
		assertThat(this.api.delete("/v1/me").as(LEAVER).send().status()).isEqualTo(202);
		assertThat(this.accounts.purgeDue()).as("within the grace period").isZero();

		this.jdbc.sql("update user_profiles set purge_after = now() - interval '1 second' where id = cast(:id as uuid)")
			.param("id", leaverId)
			.update();
		assertThat(this.accounts.purgeDue()).isEqualTo(1);
		EventsHandled.await(this.jdbc);

		Map<String, Object> profile = this.jdbc.sql(
				"select email, display_name, bio, avatar_key, purge_after from user_profiles where id = cast(:id as uuid)")
			.param("id", leaverId)
			.query()
			.singleRow();
		assertThat(profile.get("email")).isNull();
		assertThat(profile.get("display_name")).isEqualTo("Deleted user");
		assertThat(profile.get("purge_after")).isNull();
		for (String table : new String[] { "reading_progress", "story_progress", "bookmarks", "highlights", "shelves",
				"chapter_reads", "reader_preferences", "notification_settings" }) {
			assertThat(countOf(table, "user_id", leaverId)).as(table).isZero();
		}
		assertThat(countOf("follows", "follower_id", leaverId) + countOf("follows", "following_id", leaverId)).isZero();
		assertThat(countOf("reports", "reporter_id", leaverId)).as("moderation records are kept").isEqualTo(1);
		assertThat(this.api.get("/v1/me").as(LEAVER).send().status()).as("the account is gone").isEqualTo(401);
		assertThat(this.api.post("/v1/me/restore").as(LEAVER).send().status()).isEqualTo(401);
		JsonNode reader = this.api.get("/v1/me").as(READER).send().json();
		assertThat(reader.path("follower_count").asInt()).isZero();
	}

	private long countOf(String table, String column, String id) {
		return this.jdbc.sql("select count(*) from " + table + " where " + column + " = cast(:id as uuid)")
			.param("id", id)
			.query(Long.class)
			.single();
	}

	private int status(String path, String user) {
		return this.api.get(path).as(user).send().status();
	}

	private static void ok(Api.Call call) {
		Api.Reply reply = call.send();
		assertThat(reply.status()).as(reply.toString()).isBetween(200, 201);
	}

}
