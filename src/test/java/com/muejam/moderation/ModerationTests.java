package com.muejam.moderation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ModerationTests {

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReporterMayFileTwentyReportsAnHour() {
		String story = this.fixtures.publishedStory("user_author", "Much Reported", List.of());
		for (int i = 0; i < 20; i++) {
			assertThat(report("user_zealous", Map.of("reason", "Spam " + i, "story_id", story)).status()).isIn(200,
					201);
		}
		Api.Reply refused = report("user_zealous", Map.of("reason", "Spam again", "story_id", story));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.errorCode()).isEqualTo("RATE_LIMITED");
		assertThat(refused.header("Retry-After")).isNotBlank();
		assertThat(report("user_calm", Map.of("reason", "Spam", "story_id", story)).status()).isEqualTo(201);
	}

	@Test
	void reportsAreOnePerReporterAndTargetWhileOpen() {
		String story = this.fixtures.publishedStory("user_author", "Reported", List.of());
		Api.Reply first = report("user_reporter", Map.of("reason", "Spam", "story_id", story));
		assertThat(first.status()).isEqualTo(201);
		assertThat(first.json().path("status").asString()).isEqualTo("PENDING");
		assertThat(first.json().path("target").path("type").asString()).isEqualTo("STORY");
		Api.Reply again = report("user_reporter", Map.of("reason", "Still spam", "story_id", story));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
		assertThat(report("user_other", Map.of("reason", "Spam", "story_id", story)).status()).isEqualTo(201);
		assertThat(this.jdbc.sql("select count(*) from reports").query(Long.class).single()).isEqualTo(2);
		JsonNode mine = this.api.get("/v1/reports/mine").as("user_reporter").send().json().path("data");
		assertThat(mine.size()).isEqualTo(1);
		assertThat(mine.get(0).has("resolved_by")).isFalse();
	}

	@Test
	void rejectsBadReports() {
		String story = this.fixtures.publishedStory("user_author", "Target", List.of());
		String whisper = this.api.post("/v1/whispers")
			.as("user_author")
			.json(Map.of("content", "hi"))
			.send()
			.json()
			.path("id")
			.asString();
		assertThat(details(report("user_r", Map.of("reason", "x", "story_id", story, "whisper_id", whisper))))
			.contains("target");
		assertThat(details(report("user_r", Map.of("reason", "x")))).contains("target");
		assertThat(details(report("user_r", Map.of("reason", "", "story_id", story)))).contains("reason");
		assertThat(details(report("user_r", Map.of("reason", "x".repeat(1001), "story_id", story)))).contains("reason");
		assertThat(
				report("user_r", Map.of("reason", "x", "whisper_id", "00000000-0000-0000-0000-000000000001")).status())
			.isEqualTo(404);
		assertThat(this.api.post("/v1/reports").json(Map.of("reason", "x", "story_id", story)).send().status())
			.isEqualTo(401);
	}

	@Test
	void onlyModeratorsSeeTheQueueAndAct() {
		String story = this.fixtures.publishedStory("user_author", "Queue", List.of());
		String id = report("user_reporter", Map.of("reason", "Bad", "story_id", story)).json().path("id").asString();
		assertThat(this.api.get("/v1/moderation/reports").as("user_reporter").send().status()).isEqualTo(403);
		assertThat(this.api.post("/v1/moderation/reports/" + id + "/resolve")
			.as("user_reporter")
			.json(Map.of("action", "dismiss"))
			.send()
			.status()).isEqualTo(403);
		assertThat(this.api.get("/v1/moderation/reports").send().status()).isEqualTo(401);
		JsonNode queue = this.api.get("/v1/moderation/reports?status=pending")
			.as("user_mod", "moderator")
			.send()
			.json()
			.path("data");
		assertThat(queue.get(0).path("target").path("summary").asString()).isEqualTo("Queue");
		assertThat(queue.get(0).path("report_count").asInt()).isEqualTo(1);
		assertThat(this.api.get("/v1/moderation/reports?status=LOST").as("user_mod", "moderator").send().status())
			.isEqualTo(400);
		assertThat(this.api.post("/v1/moderation/reports/00000000-0000-0000-0000-000000000001/resolve")
			.as("user_mod", "moderator")
			.json(Map.of("action", "dismiss"))
			.send()
			.status()).isEqualTo(404);
		assertThat(this.api.post("/v1/moderation/reports/" + id + "/resolve")
			.as("user_mod", "moderator")
			.json(Map.of("action", "ban"))
			.send()
			.status()).isEqualTo(400);
	}

	@Test
	void statesKeepTheirWireSpelling() {
		String story = this.fixtures.publishedStory("user_author", "Wire", List.of());
		String id = report("user_reporter", Map.of("reason", "Bad", "story_id", story)).json().path("id").asString();
		assertThat(details(this.api.get("/v1/moderation/reports?status=").as("user_mod", "moderator").send()))
			.containsExactly("status");
		assertThat(details(this.api.get("/v1/moderation/reports?status=LOST").as("user_mod", "moderator").send()))
			.containsExactly("status");
		assertThat(details(this.api.post("/v1/moderation/reports/" + id + "/resolve")
			.as("user_mod", "moderator")
			.json(Map.of("action", "ban"))
			.send())).containsExactly("action");
		Api.Reply resolved = this.api.post("/v1/moderation/reports/" + id + "/resolve")
			.as("user_mod", "moderator")
			.json(Map.of("action", " Dismiss "))
			.send();
		assertThat(resolved.status()).isEqualTo(200);
		assertThat(resolved.json().path("outcome").asString()).isEqualTo("DISMISS");
		assertThat(resolved.json().path("target").path("type").asString()).isEqualTo("STORY");
		JsonNode resolvedQueue = this.api.get("/v1/moderation/reports?status=resolved")
			.as("user_mod", "moderator")
			.send()
			.json()
			.path("data");
		assertThat(resolvedQueue.get(0).path("status").asString()).isEqualTo("RESOLVED");
		assertThat(this.api.post("/v1/moderation/reports/" + id + "/resolve")
			.as("user_mod", "moderator")
			.json(Map.of("action", "dismiss"))
			.send()
			.json()
			.path("error")
			.path("code")
			.asString()).isEqualTo("CONFLICT");
	}

	@Test
	void hidingContentClosesEveryOpenReportOnItAndIsAudited() {
		String story = this.fixtures.publishedStory("user_author", "Offending Story", List.of());
		String first = report("user_r1", Map.of("reason", "Bad", "story_id", story)).json().path("id").asString();
		report("user_r2", Map.of("reason", "Awful", "story_id", story));
		Api.Reply resolved = this.api.post("/v1/moderation/reports/" + first + "/resolve")
			.as("user_mod", "moderator")
			.json(Map.of("action", "hide_content", "note", "Violates guidelines"))
			.send();
		assertThat(resolved.status()).isEqualTo(200);
		assertThat(resolved.json().path("status").asString()).isEqualTo("RESOLVED");
		assertThat(resolved.json().path("outcome").asString()).isEqualTo("HIDE_CONTENT");
		assertThat(this.api.get("/v1/stories/offending-story").send().status()).isEqualTo(404);
		assertThat(this.api.get("/v1/stories").send().json().path("data").size()).isZero();
		assertThat(this.jdbc.sql("select count(*) from reports where status = 'RESOLVED'").query(Long.class).single())
			.isEqualTo(2);
		JsonNode mine = this.api.get("/v1/reports/mine").as("user_r2").send().json().path("data").get(0);
		assertThat(mine.path("outcome").asString()).isEqualTo("HIDE_CONTENT");
		assertThat(this.jdbc.sql("select count(*) from moderation_actions where action = 'HIDE_CONTENT'")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.api.post("/v1/moderation/reports/" + first + "/resolve")
			.as("user_mod", "moderator")
			.json(Map.of("action", "dismiss"))
			.send()
			.status()).isEqualTo(409);
		assertThat(report("user_r1", Map.of("reason", "Again", "story_id", story)).status()).isEqualTo(404);
	}

	@Test
	void resolvingStillWorksAfterMoreThanAPageOfDecisions() {
		String reporter = this.fixtures.me("user_reporter").path("id").asString();
		String moderator = this.fixtures.me("user_mod").path("id").asString();
		for (int i = 0; i < 103; i++) {
			String someone = this.fixtures.me("user_reported_" + i).path("id").asString();
			this.jdbc.sql("""
					insert into reports (reporter_id, reported_user_id, reason, status, resolution, resolved_by,
					                     resolved_at, created_at)
					values (:reporter::uuid, :user::uuid, 'Spam', 'RESOLVED', 'DISMISS', :moderator::uuid, now(),
					        now() - interval '1 day' + :i * interval '1 second')""")
				.param("reporter", reporter)
				.param("user", someone)
				.param("moderator", moderator)
				.param("i", i)
				.update();
		}
		String whisper = this.api.post("/v1/whispers")
			.as("user_troll")
			.json(Map.of("content", "Offending"))
			.send()
			.json()
			.path("id")
			.asString();
		String id = report("user_reporter", Map.of("reason", "Abuse", "whisper_id", whisper)).json()
			.path("id")
			.asString();
		Api.Reply resolved = this.api.post("/v1/moderation/reports/" + id + "/resolve")
			.as("user_mod", "moderator")
			.json(Map.of("action", "hide_content"))
			.send();
		assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
		assertThat(resolved.json().path("id").asString()).isEqualTo(id);
		assertThat(resolved.json().path("outcome").asString()).isEqualTo("HIDE_CONTENT");
		assertThat(this.api.get("/v1/whispers/" + whisper).send().status()).isEqualTo(404);
	}

	/**
	 * A user whispers, is reported for it, and a moderator suspends them.
	 */
	private void suspendAfterAReport(String user) {
		String whisper = this.api.post("/v1/whispers")
			.as(user)
			.json(Map.of("content", "Trolling"))
			.send()
			.json()
			.path("id")
			.asString();
		String id = report("user_victim", Map.of("reason", "Harassment", "whisper_id", whisper)).json()
			.path("id")
			.asString();
		this.api.post("/v1/moderation/reports/" + id + "/resolve")
			.as("user_mod", "moderator")
			.json(Map.of("action", "suspend_user"))
			.send();
	}

	@Test
	void suspendedUsersMayStillTakeTheirDataAndDeleteOrRestoreTheirAccount() {
		suspendAfterAReport("user_suspended_leaver");
		assertThat(
				this.api.post("/v1/whispers").as("user_suspended_leaver").json(Map.of("content", "x")).send().status())
			.isEqualTo(403);

		assertThat(this.api.post("/v1/me/export").as("user_suspended_leaver").send().status()).isEqualTo(202);
		assertThat(this.api.delete("/v1/me").as("user_suspended_leaver").send().status()).isEqualTo(202);
		assertThat(this.api.post("/v1/me/restore").as("user_suspended_leaver").send().status()).isEqualTo(200);
		assertThat(this.api.get("/v1/me").as("user_suspended_leaver").send().json().path("suspended").asBoolean())
			.as("and stay suspended")
			.isTrue();
	}

	@Test
	void suspendedUsersCanReadButNotWriteUntilLifted() {
		suspendAfterAReport("user_troll");
		Api.Reply blocked = this.api.post("/v1/whispers").as("user_troll").json(Map.of("content", "More")).send();
		assertThat(blocked.status()).isEqualTo(403);
		assertThat(blocked.json().path("error").path("message").asString()).contains("suspended");
		assertThat(this.api.get("/v1/whispers").as("user_troll").send().status()).isEqualTo(200);
		assertThat(this.api.get("/v1/me").as("user_troll").send().json().path("suspended").asBoolean()).isTrue();
		String troll = this.fixtures.me("user_troll").path("id").asString();
		assertThat(this.api.post("/v1/moderation/users/" + troll + "/unsuspend").as("user_victim").send().status())
			.isEqualTo(403);
		assertThat(this.api.post("/v1/moderation/users/" + troll + "/unsuspend")
			.as("user_mod", "moderator")
			.send()
			.status()).isEqualTo(204);
		assertThat(this.api.post("/v1/whispers").as("user_troll").json(Map.of("content", "Sorry")).send().status())
			.isEqualTo(201);
		assertThat(this.jdbc.sql("select count(*) from moderation_actions where target_type = 'USER'")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theAuditLogIsAppendOnly() {
		String user = this.fixtures.me("user_someone").path("id").asString();
		this.api.post("/v1/users/" + user + "/block").as("user_x").send();
		String id = report("user_x", Map.of("reason", "Spam", "reported_user_id", user)).json().path("id").asString();
		this.api.post("/v1/moderation/reports/" + id + "/resolve")
			.as("user_mod", "moderator")
			.json(Map.of("action", "dismiss"))
			.send();
		assertThat(report("user_x", Map.of("reason", "Spam again", "reported_user_id", user)).status()).isEqualTo(201);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.jdbc.sql("update moderation_actions set note = 'edited'").update())
			.isInstanceOf(org.springframework.dao.DataAccessException.class);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.jdbc.sql("delete from moderation_actions").update())
			.isInstanceOf(org.springframework.dao.DataAccessException.class);
	}

	private Api.Reply report(String user, Map<String, Object> body) {
		return this.api.post("/v1/reports").as(user).json(body).send();
	}

	private static List<String> details(Api.Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
		return new java.util.ArrayList<>(reply.json().path("error").path("details").propertyNames());
	}

}
