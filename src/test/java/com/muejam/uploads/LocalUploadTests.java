package com.muejam.uploads;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.muejam.core.error.ApiException;
import com.muejam.core.error.ErrorCode;
import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The whole upload flow on the local storage, with the presigned URL exercised for real.
 */
@IntegrationTest
class LocalUploadTests {

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	UploadCleanup cleanup;

	@Autowired
	UploadService uploads;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void presignUploadAndUseAnAvatar() throws Exception {
		JsonNode presigned = presign("user_up", "avatar", "image/png", 12).json();
		assertThat(presigned.path("method").asString()).isEqualTo("PUT");
		assertThat(presigned.path("object_key").asString()).matches("uploads/avatar/[0-9a-f-]{36}\\.png");
		assertThat(presigned.path("headers").path("Content-Type").asString()).isEqualTo("image/png");
		String key = presigned.path("object_key").asString();
		assertThat(this.api.put("/v1/me").as("user_up").json(Map.of("avatar_key", key)).send().status()).isEqualTo(400);
		byte[] png = Fixtures.png(12);
		assertThat(put(presigned.path("url").asString(), "image/png", png)).isEqualTo(200);
		Api.Reply me = this.api.put("/v1/me").as("user_up").json(Map.of("avatar_key", key)).send();
		assertThat(me.status()).isEqualTo(200);
		String url = me.json().path("avatar_url").asString();
		HttpResponse<byte[]> served = this.http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(served.body()).containsExactly(png);
		assertThat(this.api.put("/v1/me").as("user_thief").json(Map.of("avatar_key", key)).send().status())
			.isEqualTo(400);
	}

	@Test
	void oneReferenceCheckPerUploadTypeNamesTheFieldThatReferencesIt() {
		String cover = this.fixtures.upload("user_up", "cover", "image/png", Fixtures.png(12));
		UUID owner = UUID.fromString(this.fixtures.me("user_up").path("id").asString());
		UUID other = UUID.fromString(this.fixtures.me("user_other").path("id").asString());
		assertThat(this.uploads.requireUploadedBy(cover, owner, UploadType.COVER)).isEqualTo(cover);
		assertThat(this.uploads.requireUploadedBy(" ", owner, UploadType.COVER)).isNull();
		assertThat(this.uploads.requireUploadedBy(null, owner, UploadType.COVER)).isNull();
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.uploads.requireUploadedBy(cover, other, UploadType.COVER))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
				assertThat(ex.details()).containsEntry("cover_key", "must be a cover image you uploaded");
			});
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.uploads.requireUploadedBy(cover, owner, UploadType.AVATAR))
			.satisfies((ex) -> assertThat(ex.details()).containsEntry("avatar_key", "must be an avatar you uploaded"));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.uploads.requireUploadedBy(cover, owner, UploadType.WHISPER_MEDIA))
			.satisfies((ex) -> assertThat(ex.details()).containsEntry("media_key", "must be an image you uploaded"));
	}

	@Test
	void refusesOtherLengthOtherTypeTamperedKeyAndExpiredUrl() throws Exception {
		JsonNode presigned = presign("user_up", "cover", "image/jpeg", 4).json();
		String url = presigned.path("url").asString();
		assertThat(put(url, "image/jpeg", new byte[5])).isEqualTo(403);
		assertThat(put(url, "image/png", new byte[4])).isEqualTo(403);
		String key = presigned.path("object_key").asString();
		assertThat(put(url.replace(key, "uploads/cover/00000000-0000-0000-0000-000000000000.jpg"), "image/jpeg",
				new byte[4]))
			.isEqualTo(403);
		assertThat(put(url.substring(0, url.length() - 4) + "AAAA", "image/jpeg", new byte[4])).isEqualTo(403);
		assertThat(put(url, "image/jpeg", new byte[4])).isEqualTo(200);
	}

	@Test
	void anUploadOverItsTypesMaximumIsRefusedWith413() throws Exception {
		String url = presign("user_up", "avatar", "image/png", 2 * 1024 * 1024).json().path("url").asString();
		byte[] big = new byte[3 * 1024 * 1024];
		Api.Reply declared = this.api.put(url).bytes("image/png", big).send();
		assertThat(declared.status()).isEqualTo(413);
		assertThat(declared.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
		// a form-encoded PUT would be read whole by Spring's form filter before security
		Api.Reply form = this.api.put(url).chunked("application/x-www-form-urlencoded", big).send();
		assertThat(form.status()).isEqualTo(413);
		assertThat(form.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
		Api.Reply chunked = this.api.put(url).chunked("image/png", big).send();
		assertThat(chunked.status()).isIn(403, 413);
	}

	@Test
	void whisperMediaMayBeLargerThanTheApisBodyLimit() throws Exception {
		int length = 3 * 1024 * 1024;
		String url = presign("user_up", "whisper_media", "image/gif", length).json().path("url").asString();
		byte[] gif = new byte[length];
		System.arraycopy("GIF89a".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, gif, 0, 6);
		assertThat(put(url, "image/gif", gif)).isEqualTo(200);
	}

	@Test
	void anObjectWhoseBytesAreNotItsDeclaredTypeCannotBeReferenced() {
		String jpegAsPng = this.fixtures.upload("user_up", "avatar", "image/png", Fixtures.jpeg(64));
		Api.Reply avatar = this.api.put("/v1/me").as("user_up").json(Map.of("avatar_key", jpegAsPng)).send();
		assertThat(avatar.status()).isEqualTo(400);
		assertThat(avatar.errorCode()).isEqualTo("VALIDATION_FAILED");
		assertThat(avatar.json().path("error").path("details").has("avatar_key")).isTrue();
		String pngAsGif = this.fixtures.upload("user_up", "whisper_media", "image/gif", Fixtures.png(64));
		Api.Reply whisper = this.api.post("/v1/whispers")
			.as("user_up")
			.json(Map.of("content", "look", "media_key", pngAsGif))
			.send();
		assertThat(whisper.status()).isEqualTo(400);
		assertThat(whisper.json().path("error").path("details").has("media_key")).isTrue();
		String png = this.fixtures.upload("user_up", "whisper_media", "image/png", Fixtures.png(64));
		assertThat(this.api.post("/v1/whispers")
			.as("user_up")
			.json(Map.of("content", "look", "media_key", png))
			.send()
			.status()).isEqualTo(201);
	}

	@Test
	void aPresignedKeyWhoseObjectNeverArrivedCannotBeReferenced() {
		String key = presign("user_up", "cover", "image/png", 64).json().path("object_key").asString();
		this.jdbc.sql("update uploads set uploaded_at = now() where object_key = :key").param("key", key).update();
		Api.Reply story = this.api.post("/v1/stories")
			.as("user_up")
			.json(Map.of("title", "T", "cover_key", key))
			.send();
		assertThat(story.status()).isEqualTo(400);
		assertThat(story.json().path("error").path("details").has("cover_key")).isTrue();
	}

	@Test
	void uploadsNeverReferencedWithinADayAreDeleted() throws Exception {
		String used = this.fixtures.upload("user_up", "avatar", "image/png", Fixtures.png(32));
		String forgotten = this.fixtures.upload("user_up", "avatar", "image/png", Fixtures.png(32));
		String recent = this.fixtures.upload("user_up", "avatar", "image/png", Fixtures.png(32));
		String neverSent = presign("user_up", "avatar", "image/png", 32).json().path("object_key").asString();
		assertThat(this.api.put("/v1/me").as("user_up").json(Map.of("avatar_key", used)).send().status())
			.isEqualTo(200);
		this.jdbc.sql("update uploads set created_at = now() - interval '25 hours' where object_key <> :recent")
			.param("recent", recent)
			.update();
		assertThat(this.cleanup.deleteUnreferenced()).isEqualTo(2);
		assertThat(this.jdbc.sql("select object_key from uploads").query(String.class).set())
			.containsExactlyInAnyOrder(used, recent);
		assertThat(get(forgotten)).isEqualTo(404);
		assertThat(get(used)).isEqualTo(200);
		assertThat(get(recent)).isEqualTo(200);
		assertThat(neverSent).isNotBlank();
		assertThat(this.cleanup.deleteUnreferenced()).isZero();
	}

	@Test
	void rejectsBadPresignRequests() {
		assertThat(details(presign("user_up", "banner", "image/png", 10))).contains("type");
		assertThat(details(presign("user_up", "avatar", "application/pdf", 10))).contains("content_type");
		assertThat(details(presign("user_up", "avatar", "image/png", 2 * 1024 * 1024 + 1))).contains("content_length");
		assertThat(presign("user_up", "whisper_media", "image/gif", 10 * 1024 * 1024).status()).isEqualTo(200);
		assertThat(details(presign("user_up", "avatar", "image/png", 0))).contains("content_length");
		assertThat(this.api.post("/v1/uploads/presign")
			.json(Map.of("type", "avatar", "content_type", "image/png", "content_length", 1))
			.send()
			.status()).isEqualTo(401);
	}

	@Test
	void keysAreUniqueAndRecordedForTheirUser() {
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < 20; i++) {
			keys.add(presign("user_many", "avatar", "image/webp", 1).json().path("object_key").asString());
		}
		assertThat(keys).hasSize(20);
		assertThat(this.jdbc.sql("select count(distinct object_key) from uploads").query(Long.class).single())
			.isEqualTo(20);
	}

	@Test
	void aUserMayAskForThirtyUploadUrlsAMinute() {
		for (int i = 0; i < 30; i++) {
			assertThat(presign("user_greedy", "avatar", "image/png", 1).status()).isEqualTo(200);
		}
		Api.Reply refused = presign("user_greedy", "avatar", "image/png", 1);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.errorCode()).isEqualTo("RATE_LIMITED");
		assertThat(refused.header("Retry-After")).isNotBlank();
		assertThat(presign("user_modest", "avatar", "image/png", 1).status()).isEqualTo(200);
	}

	private Api.Reply presign(String user, String type, String contentType, long length) {
		return this.api.post("/v1/uploads/presign")
			.as(user)
			.json(Map.of("type", type, "content_type", contentType, "content_length", length))
			.send();
	}

	private int put(String url, String contentType, byte[] body) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", contentType)
				.PUT(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private int get(String key) throws Exception {
		String url = this.api.get("/v1/me").as("user_up").send().json().path("avatar_url").asString();
		String base = url.substring(0, url.indexOf("/v1/objects/"));
		return this.http
			.send(HttpRequest.newBuilder(URI.create(base + "/v1/objects/" + key)).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static Set<String> details(Api.Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
		return new HashSet<>(reply.json().path("error").path("details").propertyNames());
	}

}
