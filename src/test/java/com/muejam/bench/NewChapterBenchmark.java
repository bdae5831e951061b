package com.muejam.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.muejam.core.security.LocalIssuer;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The new-chapter fan-out benchmark (not part of {@code ./mvnw verify}): an author with
 * 100,000 followers publishes a chapter; measures the publish request (which only records
 * the alert) against a publish with no followers, then the job's delivery of all 100,000
 * notifications. Run: {@code ./mvnw test -Dtest=NewChapterBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; results go to standard output for
 * {@code docs/benchmarks.md}.
 */
class NewChapterBenchmark {

	private static final int FOLLOWERS = 100_000;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void measure() throws Exception {
		try (ConfigurableApplicationContext app = BenchmarkApp.start("--muejam.database.statement-timeout=0",
				"--spring.datasource.hikari.data-source-properties.socketTimeout=0")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			String base = BenchmarkApp.baseUrl(app);
			LocalIssuer issuer = app.getBean(LocalIssuer.class);
			String popular = issuer.mint("user_popular", "popular@example.com", Set.of()).token();
			String quiet = issuer.mint("user_quiet", "quiet@example.com", Set.of()).token();
			String popularStory = story(base, popular);
			String quietStory = story(base, quiet);
			UUID author = jdbc.sql("select id from user_profiles where clerk_user_id = 'user_popular'")
				.query(UUID.class)
				.single();
			long seeded = System.nanoTime();
			jdbc.sql("""
					insert into user_profiles (clerk_user_id, handle, display_name, email)
					select 'user_fan_' || g, 'fan_' || g, 'Fan ' || g, 'fan' || g || '@example.com'
					from generate_series(1, :n) g""").param("n", FOLLOWERS).update();
			jdbc.sql("""
					insert into follows (follower_id, following_id)
					select id, :author from user_profiles where clerk_user_id like 'user_fan_%'""")
				.param("author", author)
				.update();
			jdbc.sql("vacuum analyze").update();
			List<String> report = new ArrayList<>();
			report.add("seeded %,d followers in %d ms".formatted(FOLLOWERS, (System.nanoTime() - seeded) / 1_000_000));
			Object alerts = app.getBean("newChapterAlerts");
			// warm-up: publish requests of both authors, delivered
			for (int i = 0; i < 20; i++) {
				publish(base, quiet, quietStory);
			}
			List<Long> quietTimes = new ArrayList<>();
			List<Long> popularTimes = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				quietTimes.add(publish(base, quiet, quietStory));
				popularTimes.add(publish(base, popular, popularStory));
			}
			report.add("publish, author without followers: " + median(quietTimes));
			report.add("publish, author with 100,000 followers: " + median(popularTimes));
			awaitEvents(jdbc);
			// one chapter's fan-out at a time: leave only the last popular chapter due
			jdbc.sql("""
					update chapter_alerts set done_at = now()
					where chapter_id <> (select chapter_id from chapter_alerts a join stories s on s.id = a.story_id
					                     where s.author_id = :author order by a.created_at desc limit 1)""")
				.param("author", author)
				.update();
			long fanOut = System.nanoTime();
			Object notified = alerts.getClass().getMethod("deliverDue").invoke(alerts);
			long fanOutMillis = (System.nanoTime() - fanOut) / 1_000_000;
			report.add("fan-out: %s notifications in %,d ms (%,d per second)".formatted(notified, fanOutMillis,
					((Integer) notified) * 1000L / Math.max(1, fanOutMillis)));
			assertThat(notified).isEqualTo(FOLLOWERS);
			report.forEach(System.out::println);
		}
	}

	private String story(String base, String token) throws Exception {
		String body = send(base + "/v1/stories", token, "{\"title\":\"Benchmark Story\"}");
		String id = body.replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
		send(base + "/v1/stories/" + id + "/publish", token, "{}");
		return id;
	}

	/** Creates a chapter and times its publish request, in microseconds. */
	private long publish(String base, String token, String storyId) throws Exception {
		String body = send(base + "/v1/stories/" + storyId + "/chapters", token,
				"{\"title\":\"Next\",\"content\":\"A new chapter.\"}");
		String chapter = body.replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
		long started = System.nanoTime();
		send(base + "/v1/chapters/" + chapter + "/publish", token, "{}");
		return (System.nanoTime() - started) / 1000;
	}

	private String send(String url, String token, String json) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(url + " " + response.body()).isBetween(200, 201);
		return response.body();
	}

	private static void awaitEvents(JdbcClient jdbc) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			if (jdbc.sql("select count(*) from event_publication where completion_date is null")
				.query(Long.class)
				.single() == 0) {
				return;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("the publishing events were not handled");
	}

	private static String median(List<Long> micros) {
		List<Long> sorted = micros.stream().sorted().toList();
		return "median %.2f ms, max %.2f ms".formatted(sorted.get(sorted.size() / 2) / 1000.0,
				sorted.getLast() / 1000.0);
	}

}
