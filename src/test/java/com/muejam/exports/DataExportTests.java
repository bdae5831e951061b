package com.muejam.exports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Personal data exports: everything a user gave the platform, in documented files, made
 * off the request, announced, downloadable through a signed link for 7 days and then
 * deleted; one at a time, one a day, and only for their owner.
 */
@IntegrationTest
class DataExportTests {

	private static final String USER = "user_exporter";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataExports exports;

	@Test
	void anExportHoldsEverythingTheUserGaveAndNothingElse() throws Exception {
		String other = this.fixtures.me("user_export_other").path("id").asString();
		Fixtures.Published own = this.fixtures.publishedChapter(USER, "My «own» story", "My *own* words.");
		this.fixtures.chapter(USER, own.storyId(), "Draft chapter", "Unpublished words.");
		this.api.post("/v1/stories").as(USER).json(Map.of("title", "A draft story")).send();
		Fixtures.Published theirs = this.fixtures.publishedChapter("user_export_other", "Theirs",
				"Someone else's words, long enough.");
		String shelf = this.fixtures.shelf(USER, "Favourites");
		ok(this.api.post("/v1/library/shelves/" + shelf + "/items")
			.as(USER)
			.json(Map.of("story_id", theirs.storyId())));
		ok(this.api.post("/v1/chapters/" + theirs.chapterId() + "/progress").as(USER).json(Map.of("offset", 7)));
		ok(this.api.post("/v1/chapters/" + theirs.chapterId() + "/bookmarks").as(USER).json(Map.of("offset", 3)));
		ok(this.api.post("/v1/chapters/" + theirs.chapterId() + "/highlights")
			.as(USER)
			.json(Map.of("start_offset", 0, "end_offset", 12)));
		ok(this.api.post("/v1/whispers").as(USER).json(Map.of("content", "My whisper")));
		ok(this.api.post("/v1/whispers").as("user_export_other").json(Map.of("content", "Not mine")));
		ok(this.api.post("/v1/users/" + other + "/follow").as(USER));
		String blocked = this.fixtures.me("user_export_blocked").path("id").asString();
		ok(this.api.post("/v1/users/" + blocked + "/block").as(USER));
		String muted = this.fixtures.me("user_export_muted").path("id").asString();
		ok(this.api.post("/v1/users/" + muted + "/mute").as(USER));
		ok(this.api.put("/v1/me/notification-settings")
			.as(USER)
			.json(Map.of("email_reply", false, "email_follow", true)));
		ok(this.api.post("/v1/reports").as(USER).json(Map.of("story_id", theirs.storyId(), "reason", "Spam here")));

		Api.Reply requested = this.api.post("/v1/me/export").as(USER).send();
		assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
		assertThat(requested.json().path("status").asString()).isEqualTo("pending");
		String id = requested.json().path("id").asString();
		assertThat(requested.header("Location")).isEqualTo("/v1/me/exports/" + id);
		JsonNode ready = awaitReady(id);
		Map<String, String> files = unzip(download(ready.path("download_url").asString()));

		assertThat(files.keySet()).containsExactly("README.md", "profile.json", "notification_settings.json",
				"stories.json", "shelves.json", "reading_progress.json", "bookmarks.json", "highlights.json",
				"whispers.json", "follows.json", "blocks.json", "mutes.json", "reports.json");
		assertThat(files.get("README.md")).contains("`stories.json`", "`reports.json`");
		JsonNode profile = JSON.readTree(files.get("profile.json"));
		assertThat(profile.path("email").asString()).isEqualTo(USER + "@example.com");
		assertThat(profile.path("preferences").path("max_rating").asString()).isEqualTo("teen");
		assertThat(profile.path("digest").asString()).isEqualTo("weekly");
		assertThat(profile.path("timezone").asString()).isEqualTo("UTC");
		assertThat(JSON.readTree(files.get("notification_settings.json")).path("email_reply").asBoolean()).isFalse();
		JsonNode stories = JSON.readTree(files.get("stories.json"));
		assertThat(stories).hasSize(2);
		JsonNode story = stories.get(0);
		assertThat(story.path("title").asString()).isEqualTo("My «own» story");
		assertThat(story.path("chapters")).hasSize(2);
		assertThat(story.path("chapters").get(0).path("markdown").asString()).isEqualTo("My *own* words.");
		assertThat(story.path("chapters").get(0).path("html").asString()).contains("<em>own</em>");
		assertThat(JSON.readTree(files.get("shelves.json")).get(0).path("stories").get(0).path("title").asString())
			.isEqualTo("Theirs");
		assertThat(JSON.readTree(files.get("reading_progress.json")).get(0).path("char_offset").asInt()).isEqualTo(7);
		assertThat(JSON.readTree(files.get("bookmarks.json")).get(0).path("char_offset").asInt()).isEqualTo(3);
		assertThat(JSON.readTree(files.get("highlights.json")).get(0).path("quote").asString())
			.isEqualTo("Someone else");
		JsonNode whispers = JSON.readTree(files.get("whispers.json"));
		assertThat(whispers).hasSize(1);
		assertThat(whispers.get(0).path("content").asString()).isEqualTo("My whisper");
		assertThat(JSON.readTree(files.get("follows.json")).path("following").get(0).path("user_id").asString())
			.isEqualTo(other);
		assertThat(JSON.readTree(files.get("blocks.json")).get(0).path("user_id").asString()).isEqualTo(blocked);
		assertThat(JSON.readTree(files.get("mutes.json")).get(0).path("user_id").asString()).isEqualTo(muted);
		assertThat(JSON.readTree(files.get("reports.json")).get(0).path("reason").asString()).isEqualTo("Spam here");
		assertThat(String.join("", files.values())).doesNotContain("Not mine");
	}

	@Test
	void theOwnerIsToldInTheAppAndByEmailAndNobodyElseSeesIt() throws Exception {
		String id = this.api.post("/v1/me/export").as("user_export_told").send().json().path("id").asString();
		JsonNode ready = awaitReady(id, "user_export_told");

		JsonNode notices = this.api.get("/v1/notifications").as("user_export_told").send().json().path("data");
		assertThat(notices).hasSize(1);
		assertThat(notices.get(0).path("type").asString()).isEqualTo("DATA_EXPORT_READY");
		assertThat(notices.get(0).path("export_id").asString()).isEqualTo(id);
		Map<String, Object> email = this.jdbc
			.sql("select recipient, text_body, unsubscribe_url from email_outbox where kind = 'DATA_EXPORT_READY'")
			.query()
			.singleRow();
		assertThat(email.get("recipient")).isEqualTo("user_export_told@example.com");
		assertThat((String) email.get("text_body")).contains("/v1/objects/files/exports/");
		assertThat(email.get("unsubscribe_url")).as("asked for: always sent").isNull();
		assertThat(this.api.get("/v1/me/exports/" + id).as("user_export_nosy").send().status()).isEqualTo(404);
		assertThat(this.api.get("/v1/me/exports/" + id).send().status()).isEqualTo(401);
		String url = ready.path("download_url").asString();
		assertThat(this.http
			.send(HttpRequest.newBuilder(URI.create(url)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode()).as("HEAD, as download managers ask first").isEqualTo(200);
		assertThat(status(url.replace("signature=", "signature=x"))).isEqualTo(403);
		assertThat(status(url.replaceAll("expires=\\d+", "expires=9999999999"))).isEqualTo(403);
	}

	@Test
	void oneAtATimeOneADayAndGoneAfterSevenDays() throws Exception {
		Api.Reply first = this.api.post("/v1/me/export").as("user_export_eager").send();
		assertThat(first.status()).isEqualTo(202);
		Api.Reply again = this.api.post("/v1/me/export").as("user_export_eager").send();
		assertThat(again.status()).as("409 while it is prepared, 429 once it is made").isIn(409, 429);
		String id = first.json().path("id").asString();
		JsonNode ready = awaitReady(id, "user_export_eager");
		Api.Reply sameDay = this.api.post("/v1/me/export").as("user_export_eager").send();
		assertThat(sameDay.status()).isEqualTo(429);
		assertThat(Long.parseLong(sameDay.header("Retry-After"))).isBetween(86_000L, 86_400L);
		assertThat(this.jdbc.sql("select count(*) from data_exports").query(Long.class).single()).isEqualTo(1);

		String url = ready.path("download_url").asString();
		this.jdbc.sql("update data_exports set expires_at = now() - interval '1 second'").update();
		assertThat(this.exports.expire()).isEqualTo(1);
		JsonNode expired = this.api.get("/v1/me/exports/" + id).as("user_export_eager").send().json();
		assertThat(expired.path("status").asString()).isEqualTo("expired");
		assertThat(expired.path("download_url").isNull()).isTrue();
		assertThat(status(url)).as("the file is gone").isEqualTo(403);
		assertThat(this.exports.expire()).isZero();
	}

	@Test
	void aSecondRequestWhileOneIsPreparedNamesIt() {
		String user = this.fixtures.me("user_export_retry").path("id").asString();
		String pending = this.jdbc
			.sql("insert into data_exports (user_id, requested_at) values (cast(:user as uuid), now()) returning id")
			.param("user", user)
			.query(String.class)
			.single();

		Api.Reply again = this.api.post("/v1/me/export").as("user_export_retry").send();

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().path("error").path("details").path("export_id").asString())
			.as("a client whose first answer was lost finds its export")
			.isEqualTo(pending);
	}

	private JsonNode awaitReady(String id) {
		return awaitReady(id, USER);
	}

	private JsonNode awaitReady(String id, String user) {
		return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
			Api.Reply export = this.api.get("/v1/me/exports/" + id).as(user).send();
			assertThat(export.status()).isEqualTo(200);
			return export.json();
		}, (export) -> export.path("status").asString().equals("ready"));
	}

	private byte[] download(String url) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = this.http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;")
			.contains("muejam-data-");
		return response.body();
	}

	private int status(String url) {
		try {
			return this.http
				.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> unzip(byte[] zip) throws IOException {
		Map<String, String> files = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return files;
	}

	private static void ok(Api.Call call) {
		Api.Reply reply = call.send();
		assertThat(reply.status()).as(reply.toString()).isBetween(200, 201);
	}

}
