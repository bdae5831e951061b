package com.muejam.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.muejam.core.security.CurrentUser;
import com.muejam.core.security.LocalIssuer;
import com.muejam.users.ProfileRequests.UpdateProfile;
import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;
import com.muejam.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ProfileTests {

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	LocalIssuer issuer;

	@Autowired
	ProfileService profiles;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	StatementCounter statements;

	@Test
	void firstAuthenticatedRequestCreatesProfileFromToken() {
		Api.Reply reply = this.api.get("/v1/me").as("user_new").send();
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("email").asString()).isEqualTo("user_new@example.com");
		assertThat(reply.json().path("handle").asString()).matches("user_new_[a-z0-9]{6}");
		assertThat(reply.json().path("display_name").asString()).isEqualTo("user_new");
		assertThat(reply.json().path("roles").isArray()).isTrue();
		assertThat(countProfiles("user_new")).isEqualTo(1);
	}

	@Test
	void aReturningUsersNewEmailFromTheTokenIsStored() {
		this.api.get("/v1/me").as("user_moving").send();
		String token = this.issuer.mint("user_moving", "moved@example.com", Set.of()).token();
		Api.Reply reply = this.api.get("/v1/me").bearer(token).send();
		assertThat(reply.json().path("email").asString()).as(reply.toString()).isEqualTo("moved@example.com");
		assertThat(this.jdbc.sql("select email from user_profiles where clerk_user_id = 'user_moving'")
			.query(String.class)
			.single()).isEqualTo("moved@example.com");
	}

	@Test
	void aReadThatOvertakesAnEditIsNotLeftInTheProfileCache() {
		JsonNode me = this.api.put("/v1/me").as("user_racing").json(Map.of("handle", "racing_reader")).send().json();
		CurrentUser user = new CurrentUser(UUID.fromString(me.path("id").asString()), "user_racing", Set.of());
		this.transactions.executeWithoutResult((status) -> {
			this.profiles.update(user, new UpdateProfile(null, null, "Edited.", null, null, null));
			// a reader's request, on its own connection, reads the profile before the
			// edit
			// commits, and caches it after the edit's eviction
			assertThat(CompletableFuture.supplyAsync(() -> this.api.get("/v1/users/racing_reader").send().json())
				.join()
				.path("bio")
				.isNull()).isTrue();
		});
		assertThat(this.api.get("/v1/users/racing_reader").send().json().path("bio").asString()).isEqualTo("Edited.");
	}

	@Test
	void repeatedRequestsReturnTheSameProfile() {
		String first = this.api.get("/v1/me").as("user_repeat").send().json().path("id").asString();
		String second = this.api.get("/v1/me").as("user_repeat").send().json().path("id").asString();
		assertThat(second).isEqualTo(first);
	}

	@Test
	void concurrentFirstRequestsCreateOneProfile() throws Exception {
		String token = this.api.token("user_racing");
		List<Callable<Api.Reply>> calls = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			calls.add(() -> this.api.get("/v1/me").bearer(token).send());
		}
		try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
			List<String> ids = new ArrayList<>();
			for (Future<Api.Reply> reply : pool.invokeAll(calls)) {
				assertThat(reply.get().status()).isEqualTo(200);
				ids.add(reply.get().json().path("id").asString());
			}
			assertThat(ids).containsOnly(ids.getFirst());
		}
		assertThat(countProfiles("user_racing")).isEqualTo(1);
	}

	@Test
	void moderatorRoleFromTokenIsReported() {
		Api.Reply reply = this.api.get("/v1/me").as("user_mod", "moderator").send();
		assertThat(reply.json().path("roles").get(0).asString()).isEqualTo("moderator");
	}

	@Test
	void bioIsRenderedToSanitizedHtmlEverywhereItIsShown() {
		String bio = "I read *everything*. <script>alert(1)</script> [me](javascript:alert(2)) <img src=x onerror=alert(3)>";
		Api.Reply me = this.api.put("/v1/me")
			.as("user_markdown")
			.json(Map.of("handle", "md_reader", "bio", bio))
			.send();
		assertThat(me.status()).isEqualTo(200);
		Api.Reply profile = this.api.get("/v1/users/md_reader").send();
		for (Api.Reply reply : List.of(me, profile, this.api.get("/v1/me").as("user_markdown").send())) {
			assertThat(reply.json().path("bio").asString()).isEqualTo(bio);
			String html = reply.json().path("bio_html").asString();
			assertThat(html).startsWith("<p>I read <em>everything</em>.").doesNotContain("javascript:");
			for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
				assertThat(element.normalName()).isIn("body", "p", "em", "a");
				assertThat(element.attributes().asList()).noneMatch((attribute) -> attribute.getKey().startsWith("on"));
			}
		}
		Api.Reply cleared = this.api.put("/v1/me").as("user_markdown").json(Map.of("bio", "")).send();
		assertThat(cleared.json().path("bio_html").isNull()).isTrue();
	}

	@Test
	void updatesHandleDisplayNameAndBio() {
		Api.Reply reply = this.api.put("/v1/me")
			.as("user_update")
			.json(Map.of("handle", "Night_Owl", "display_name", "  Night Owl ", "bio", "I read *everything*."))
			.send();
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("handle").asString()).isEqualTo("Night_Owl");
		assertThat(reply.json().path("display_name").asString()).isEqualTo("Night Owl");
		assertThat(reply.json().path("bio").asString()).isEqualTo("I read *everything*.");
		Api.Reply publicView = this.api.get("/v1/users/night_owl").send();
		assertThat(publicView.status()).isEqualTo(200);
		assertThat(publicView.json().path("display_name").asString()).isEqualTo("Night Owl");
	}

	@Test
	void absentFieldsStayAndEmptyBioClears() {
		this.api.put("/v1/me").as("user_partial").json(Map.of("bio", "hello", "display_name", "Partial")).send();
		Api.Reply reply = this.api.put("/v1/me").as("user_partial").json(Map.of("bio", "")).send();
		assertThat(reply.json().path("display_name").asString()).isEqualTo("Partial");
		assertThat(reply.json().path("bio").isNull()).isTrue();
	}

	@Test
	void handleTakenIgnoringCaseIsConflict() {
		this.api.put("/v1/me").as("user_owner").json(Map.of("handle", "bookworm")).send();
		Api.Reply reply = this.api.put("/v1/me").as("user_other").json(Map.of("handle", "BookWorm")).send();
		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.errorCode()).isEqualTo("HANDLE_TAKEN");
		assertThat(reply.json().path("error").path("details").has("handle")).isTrue();
	}

	@Test
	void keepingYourOwnHandleInAnotherCaseIsAllowed() {
		this.api.put("/v1/me").as("user_case").json(Map.of("handle", "casey")).send();
		Api.Reply reply = this.api.put("/v1/me").as("user_case").json(Map.of("handle", "Casey")).send();
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("handle").asString()).isEqualTo("Casey");
	}

	@Test
	void rejectsHandleWithSpaces() {
		Api.Reply reply = this.api.put("/v1/me").as("user_bad").json(Map.of("handle", "a b c")).send();
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().path("error").path("details").path("handle").asString()).contains("3-30");
	}

	@Test
	void rejectsBlankDisplayNameAndOverlongBio() {
		Api.Reply reply = this.api.put("/v1/me")
			.as("user_bad")
			.json(Map.of("display_name", "   ", "bio", "x".repeat(2001)))
			.send();
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().path("error").path("details").has("bio")).isTrue();
	}

	@Test
	void rejectsAvatarKeyNotUploadedByTheCaller() {
		Api.Reply reply = this.api.put("/v1/me")
			.as("user_avatar")
			.json(Map.of("avatar_key", "uploads/avatar/0b0b0b0b-0000-0000-0000-000000000000.png"))
			.send();
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().path("error").path("details").has("avatar_key")).isTrue();
	}

	@Test
	void acceptsAvatarKeyTheCallerUploaded() {
		String key = this.fixtures.upload("user_avatar_ok", "avatar", "image/png", Fixtures.png(100));
		Api.Reply reply = this.api.put("/v1/me").as("user_avatar_ok").json(Map.of("avatar_key", key)).send();
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("avatar_url").asString()).endsWith("/" + key);
	}

	@Test
	void publicProfileHidesPrivateFields() {
		this.api.put("/v1/me").as("user_public").json(Map.of("handle", "public_one")).send();
		Api.Reply reply = this.api.get("/v1/users/PUBLIC_ONE").send();
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().has("email")).isFalse();
		assertThat(reply.json().has("roles")).isFalse();
		assertThat(reply.json().path("follower_count").asInt()).isZero();
		assertThat(this.statements.countConnections(() -> this.api.get("/v1/users/public_one").send()))
			.as("pooled connections taken by a profile served from memory")
			.isZero();
	}

	@Test
	void unknownOrMalformedHandleIsNotFound() {
		assertThat(this.api.get("/v1/users/nobody_here").send().status()).isEqualTo(404);
		assertThat(this.api.get("/v1/users/x").send().errorCode()).isEqualTo("NOT_FOUND");
	}

	@Test
	void meNeedsAToken() {
		assertThat(this.api.get("/v1/me").send().status()).isEqualTo(401);
		assertThat(this.api.put("/v1/me").json(Map.of("bio", "x")).send().status()).isEqualTo(401);
	}

	private long countProfiles(String subject) {
		return this.jdbc.sql("select count(*) from user_profiles where clerk_user_id = :sub")
			.param("sub", subject)
			.query(Long.class)
			.single();
	}

}
