package com.muejam.exports;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.gaul.s3proxy.junit.S3ProxyJunitCore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;
import com.muejam.support.TestS3;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The exports on the production storage: a real S3-compatible server (s3proxy, in
 * process) holds the books and the data archives, and the archive's link is a presigned
 * S3 GET that downloads it without signing in.
 */
@IntegrationTest
class S3ExportTests {

	static final S3ProxyJunitCore S3 = TestS3.start("muejam-exports");

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@DynamicPropertySource
	static void s3(DynamicPropertyRegistry registry) {
		registry.add("muejam.storage.provider", () -> "s3");
		registry.add("muejam.storage.s3.bucket", () -> "muejam-exports");
		registry.add("muejam.storage.s3.endpoint", () -> S3.getUri().toString());
		registry.add("muejam.storage.s3.path-style", () -> "true");
		registry.add("muejam.storage.s3.access-key", () -> "access");
		registry.add("muejam.storage.s3.secret-key", () -> "secret");
	}

	@AfterAll
	static void stop() {
		S3.afterEach();
	}

	@Test
	void booksAndDataArchivesLiveInTheBucket() throws Exception {
		Fixtures.Published story = this.fixtures.publishedChapter("user_s3_author", "Stored", "Kept in a bucket.");
		Api.Reply book = this.api.get("/v1/stories/" + story.storyId() + "/export.epub").as("user_s3_reader").send();
		assertThat(book.status()).as(book.toString()).isEqualTo(200);
		assertThat(EpubCheckReport.of(book.bytes()).errors()).isEmpty();
		assertThat(this.api.get("/v1/stories/" + story.storyId() + "/export.epub").as("user_s3_reader").send().bytes())
			.as("the stored book, read back from the bucket")
			.isEqualTo(book.bytes());

		String id = this.api.post("/v1/me/export").as("user_s3_author").send().json().path("id").asString();
		JsonNode ready = await().atMost(Duration.ofSeconds(20))
			.until(() -> this.api.get("/v1/me/exports/" + id).as("user_s3_author").send().json(),
					(export) -> export.path("status").asString().equals("ready"));
		String url = ready.path("download_url").asString();
		assertThat(url).startsWith(S3.getUri().toString()).contains("X-Amz-Signature");
		HttpResponse<byte[]> download = this.http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(entries(download.body())).contains("README.md", "stories.json");
		assertThat(this.http
			.send(HttpRequest.newBuilder(URI.create(url.replace("X-Amz-Signature=", "X-Amz-Signature=0"))).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode()).isEqualTo(403);
	}

	private static List<String> entries(byte[] zip) throws java.io.IOException {
		List<String> names = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				names.add(entry.getName());
			}
		}
		return names;
	}

}
