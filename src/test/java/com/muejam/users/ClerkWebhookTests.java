package com.muejam.users;

import java.time.Instant;
import java.util.Map;

import com.svix.Webhook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.muejam.support.Api;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clerk's user events, signed by Svix exactly as Clerk delivers them.
 */
@IntegrationTest
@ExtendWith(PublishedEventsExtension.class)
class ClerkWebhookTests {

	static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void userCreatedMakesAProfileWithEmailAndName() throws Exception {
		Api.Reply reply = deliver("msg_created",
				userEvent("user.created", "user_hook", "Ada", "Lovelace", "ada@example.com"));
		assertThat(reply.status()).isEqualTo(204);
		Map<String, Object> row = profile("user_hook");
		assertThat(row).containsEntry("email", "ada@example.com").containsEntry("display_name", "Ada Lovelace");
	}

	@Test
	void userUpdatedSyncsEmailAndName() throws Exception {
		this.api.get("/v1/me").as("user_sync").send();
		deliver("msg_updated", userEvent("user.updated", "user_sync", "Grace", "Hopper", "grace@example.com"));
		Map<String, Object> row = profile("user_sync");
		assertThat(row).containsEntry("email", "grace@example.com").containsEntry("display_name", "Grace Hopper");
	}

	@Test
	void replayedDeliveryHasNoSecondEffect() throws Exception {
		this.api.get("/v1/me").as("user_replay").send();
		deliver("msg_once", userEvent("user.updated", "user_replay", "First", "Name", "first@example.com"));
		Api.Reply replay = deliver("msg_once",
				userEvent("user.updated", "user_replay", "Second", "Name", "second@example.com"));
		assertThat(replay.status()).isEqualTo(204);
		assertThat(profile("user_replay")).containsEntry("display_name", "First Name");
	}

	@Test
	void userDeletedAnonymizesAndPublishesUserDeleted(PublishedEvents events) throws Exception {
		this.api.put("/v1/me").as("user_gone").json(Map.of("handle", "soon_gone", "bio", "about me")).send();
		Api.Reply reply = deliver("msg_deleted", """
				{"type":"user.deleted","object":"event","data":{"id":"user_gone","deleted":true,"object":"user"}}""");
		assertThat(reply.status()).isEqualTo(204);
		Map<String, Object> row = profile("user_gone");
		assertThat(row.get("deleted_at")).isNotNull();
		assertThat(row.get("email")).isNull();
		assertThat(row.get("bio")).isNull();
		assertThat(row.get("display_name")).isEqualTo(UserProfile.DELETED_NAME);
		assertThat((String) row.get("handle")).startsWith("deleted_");
		assertThat(this.api.get("/v1/users/soon_gone").send().status()).isEqualTo(404);
		assertThat(this.api.get("/v1/me").as("user_gone").send().status()).isEqualTo(401);
		assertThat(events.ofType(UserDeleted.class).matching((event) -> event.userId().equals(row.get("id"))))
			.hasSize(1);
	}

	@Test
	void userDeletedDuringTheGracePeriodPurgesAtOnce(PublishedEvents events) throws Exception {
		this.api.put("/v1/me").as("user_leaving").json(Map.of("bio", "about me")).send();
		assertThat(this.api.delete("/v1/me").as("user_leaving").send().status()).isEqualTo(202);
		Api.Reply reply = deliver("msg_deleted_later",
				"""
						{"type":"user.deleted","object":"event","data":{"id":"user_leaving","deleted":true,"object":"user"}}""");
		assertThat(reply.status()).isEqualTo(204);
		Map<String, Object> row = profile("user_leaving");
		assertThat(row.get("email")).isNull();
		assertThat(row.get("bio")).isNull();
		assertThat(this.api.post("/v1/me/restore").as("user_leaving").send().status())
			.as("the identity is gone: nothing to restore")
			.isEqualTo(401);
		assertThat(events.ofType(UserDeleted.class).matching((event) -> event.userId().equals(row.get("id"))))
			.hasSize(1);
	}

	@Test
	void rejectsBadSignature() {
		Api.Reply reply = this.api.post("/v1/webhooks/clerk")
			.header("svix-id", "msg_bad")
			.header("svix-timestamp", Long.toString(Instant.now().getEpochSecond()))
			.header("svix-signature", "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
			.json(userEvent("user.created", "user_evil", "Evil", "One", "evil@example.com"))
			.send();
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(countProfiles("user_evil")).isZero();
	}

	@Test
	void rejectsStaleTimestamp() throws Exception {
		String body = userEvent("user.created", "user_stale", "Old", "News", "old@example.com");
		long sixMinutesAgo = Instant.now().minusSeconds(360).getEpochSecond();
		Api.Reply reply = this.api.post("/v1/webhooks/clerk")
			.header("svix-id", "msg_stale")
			.header("svix-timestamp", Long.toString(sixMinutesAgo))
			.header("svix-signature", new Webhook(SECRET).sign("msg_stale", sixMinutesAgo, body))
			.json(body)
			.send();
		assertThat(reply.status()).isEqualTo(401);
		assertThat(countProfiles("user_stale")).isZero();
	}

	@Test
	void rejectsMissingSignatureHeaders() {
		Api.Reply reply = this.api.post("/v1/webhooks/clerk").json("{}").send();
		assertThat(reply.status()).isEqualTo(401);
	}

	private Api.Reply deliver(String id, String body) throws Exception {
		long now = Instant.now().getEpochSecond();
		return this.api.post("/v1/webhooks/clerk")
			.header("svix-id", id)
			.header("svix-timestamp", Long.toString(now))
			.header("svix-signature", new Webhook(SECRET).sign(id, now, body))
			.json(body)
			.send();
	}

	private static String userEvent(String type, String userId, String first, String last, String email) {
		return Api.json(Map.of("type", type, "object", "event", "data",
				Map.of("id", userId, "first_name", first, "last_name", last, "primary_email_address_id", "idn_1",
						"email_addresses", new Object[] { Map.of("id", "idn_0", "email_address", "old@other.example"),
								Map.of("id", "idn_1", "email_address", email) })));
	}

	private Map<String, Object> profile(String subject) {
		return this.jdbc.sql("select * from user_profiles where clerk_user_id = :sub")
			.param("sub", subject)
			.query()
			.singleRow();
	}

	private long countProfiles(String subject) {
		return this.jdbc.sql("select count(*) from user_profiles where clerk_user_id = :sub")
			.param("sub", subject)
			.query(Long.class)
			.single();
	}

}
