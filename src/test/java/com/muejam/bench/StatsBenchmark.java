package com.muejam.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * The authors' statistics benchmark (not part of {@code ./mvnw verify}): a story with a
 * year of daily aggregates adding up to 100,000 chapter reads, 50 chapters in its funnel,
 * among 200 stories of its author; measures p50/p95 of a year of the story's statistics
 * and of the author's over HTTP. Run: {@code ./mvnw test -Dtest=StatsBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class StatsBenchmark {

	private static final int WARMUP = 200;

	private static final int SAMPLES = 300;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void measure() throws Exception {
		try (ConfigurableApplicationContext app = BenchmarkApp.start()) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			String base = BenchmarkApp.baseUrl(app);
			String token = app.getBean(LocalIssuer.class).mint("user_stats", "stats@example.com", Set.of()).token();
			assertThat(get(base + "/v1/me", token)).isEqualTo(200);
			UUID author = jdbc.sql("select id from user_profiles where clerk_user_id = 'user_stats'")
				.query(UUID.class)
				.single();
			jdbc.sql(
					"""
							insert into stories (id, slug, title, blurb, author_id, published, published_at, created_at, updated_at)
							select gen_random_uuid(), 'stats-' || g, 'Stats ' || g, '', :author, true, now(), now(), now()
							from generate_series(1, 200) g""")
				.param("author", author)
				.update();
			UUID story = jdbc.sql("select id from stories where slug = 'stats-1'").query(UUID.class).single();
			LocalDate today = LocalDate.now(ZoneOffset.UTC);
			// a year of days for every story: 274 chapter reads a day on the measured one
			jdbc.sql(
					"""
							insert into story_stats_daily (story_id, date, chapter_reads_count, reads_count, completions_count,
							                               saves_count, likes_count, whispers_count)
							select s.id, d::date, case when s.id = :story then 274 else 10 end, 90, 40, 5, 3, 2
							from stories s cross join generate_series(cast(:from as date), cast(:to as date), interval '1 day') d
							where s.author_id = :author""")
				.param("story", story)
				.param("author", author)
				.param("from", today.minusDays(365))
				.param("to", today)
				.update();
			// the author's sums, as the signals keep them
			jdbc.sql(
					"""
							insert into author_stats_daily (author_id, date, chapter_reads_count, reads_count, completions_count,
							                                saves_count, likes_count, whispers_count)
							select s.author_id, x.date, sum(x.chapter_reads_count), sum(x.reads_count), sum(x.completions_count),
							       sum(x.saves_count), sum(x.likes_count), sum(x.whispers_count)
							from story_stats_daily x join stories s on s.id = x.story_id group by s.author_id, x.date""")
				.update();
			jdbc.sql(
					"""
							insert into chapters (id, story_id, chapter_number, title, content, content_html, published,
							                      published_at, word_count, created_at, updated_at)
							select gen_random_uuid(), :story, g, 'Chapter ' || g, 'Text', '<p>Text</p>', true, now(), 1, now(), now()
							from generate_series(1, 50) g""")
				.param("story", story)
				.update();
			jdbc.sql("""
					insert into chapter_stats (chapter_id, story_id, readers)
					select id, story_id, 5000 - chapter_number * 80 from chapters where story_id = :story""")
				.param("story", story)
				.update();
			jdbc.sql("vacuum analyze").update();
			String year = "?from=" + today.minusDays(365) + "&to=" + today;
			List<String> report = new ArrayList<>();
			report.add(measure(base + "/v1/me/stories/" + story + "/stats" + year, token, "a story, a year"));
			report.add(measure(base + "/v1/me/stats" + year, token, "an author of 200 stories, a year"));
			report.add(measure(base + "/v1/me", token, "GET /v1/me (baseline)"));
			report.forEach(System.out::println);
		}
	}

	private String measure(String url, String token, String name) throws Exception {
		for (int i = 0; i < WARMUP; i++) {
			assertThat(get(url, token)).as(url).isEqualTo(200);
		}
		List<Long> micros = new ArrayList<>();
		for (int i = 0; i < SAMPLES; i++) {
			long started = System.nanoTime();
			get(url, token);
			micros.add((System.nanoTime() - started) / 1000);
		}
		List<Long> sorted = micros.stream().sorted().toList();
		return "%-36s p50 %6.1f ms   p95 %6.1f ms".formatted(name, sorted.get(sorted.size() / 2) / 1000.0,
				sorted.get(sorted.size() * 95 / 100) / 1000.0);
	}

	private int get(String url, String token) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + token)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
