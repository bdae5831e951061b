package com.muejam.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.muejam.core.security.LocalIssuer;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The discovery and search benchmark (not part of {@code ./mvnw verify}): seeds 10k, then
 * 100k published stories with skewed tags and engagement into a fresh embedded
 * PostgreSQL, and measures p50/p95 of each discover tab and of search over real HTTP,
 * with caches and rate limits off, plus the trending recompute. Run:
 * {@code ./mvnw test -Dtest=DiscoveryBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; results go to standard output for
 * {@code docs/benchmarks.md}.
 */
class DiscoveryBenchmark {

	private static final int WARMUP = 200;

	private static final int SAMPLES = 300;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void measure() throws Exception {
		try (ConfigurableApplicationContext app = BenchmarkApp.start(
				// seeding 100k stories takes single statements of tens of seconds
				"--muejam.database.statement-timeout=0",
				"--spring.datasource.hikari.data-source-properties.socketTimeout=0", "--muejam.cache.ttl.trending=0s",
				"--muejam.cache.ttl.for-you=0s", "--muejam.cache.ttl.suggestions=0s", "--muejam.cache.ttl.stories=0s",
				"--muejam.cache.ttl.profiles=0s", "--muejam.cache.ttl.search=0s")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			String base = BenchmarkApp.baseUrl(app);
			String token = app.getBean(LocalIssuer.class)
				.mint("user_bench_reader", "reader@example.com", Set.of())
				.token();
			get(base + "/v1/me", token);
			UUID reader = jdbc.sql("select id from user_profiles where clerk_user_id = 'user_bench_reader'")
				.query(UUID.class)
				.single();
			// readers' controls: the reader above admits every rating and mutes nothing;
			// this
			// one keeps the default limit (teen), mutes 20 tags and 20 authors
			String filteredToken = app.getBean(LocalIssuer.class)
				.mint("user_bench_filtered", "filtered@example.com", Set.of())
				.token();
			get(base + "/v1/me", filteredToken);
			UUID filtered = jdbc.sql("select id from user_profiles where clerk_user_id = 'user_bench_filtered'")
				.query(UUID.class)
				.single();
			List<String> report = new ArrayList<>();
			for (int total : new int[] { 10_000, 100_000 }) {
				long seeded = System.nanoTime();
				seed(jdbc, reader, total);
				filters(jdbc, reader, filtered);
				report.add(
						"seeded to %,d stories in %d s".formatted(total, (System.nanoTime() - seeded) / 1_000_000_000));
				long trending = System.nanoTime();
				Object scored = app.getBean("discoveryJobs")
					.getClass()
					.getMethod("recomputeTrending")
					.invoke(app.getBean("discoveryJobs"));
				report.add("  trending recompute: %d ms (%s stories scored)"
					.formatted((System.nanoTime() - trending) / 1_000_000, scored));
				// signed out, the New tab's first page is shared, and the seeding
				// bypasses its evictions: the database's walk is measured signed in
				report.add(measure(base + "/v1/discover?tab=new", token, "discover new, signed in"));
				report.add(measure(base + "/v1/discover?tab=trending", null, "discover trending"));
				report.add(measure(base + "/v1/discover?tab=for_you", token, "discover for_you"));
				report.add(measure(base + "/v1/discover?tab=for_you", filteredToken, "discover for_you, filtered"));
				report.add(measure(base + "/v1/search?q=dragon%20storm", token, "search stories, signed in"));
				report.add(measure(base + "/v1/search?q=dragon%20storm", filteredToken, "search stories, filtered"));
				report.add(measure(base + "/v1/search?q=tale", token, "search every story, signed in"));
				report.add(measure(base + "/v1/search?q=tale", filteredToken, "search every story, filtered"));
				report.add(measure(base + "/v1/search?q=dragon%20storm", null, "search stories"));
				// both shapes through the same prepared statement, more than the five
				// executions after which PostgreSQL may switch to one generic plan for
				// all
				String every = base + "/v1/search?q=tale";
				String one = base + "/v1/search?q=" + (total * 42 / 100 + 7);
				report.add(measure(every, null, "search every story"));
				report.add(measure(one, null, "search one story"));
				report.addAll(alternate(every, one, "search every/one"));
				report.add(measure(base + "/v1/search/suggest?q=dra", null, "search suggest"));
			}
			System.out.println("BENCHMARK RESULTS");
			report.forEach(System.out::println);
		}
	}

	private String measure(String url, String token, String name) throws Exception {
		for (int i = 0; i < WARMUP; i++) {
			assertThat(get(url, token)).isEqualTo(200);
		}
		List<Long> micros = new ArrayList<>();
		for (int i = 0; i < SAMPLES; i++) {
			long started = System.nanoTime();
			assertThat(get(url, token)).isEqualTo(200);
			micros.add((System.nanoTime() - started) / 1_000);
		}
		Collections.sort(micros);
		return "  %-18s p50 %6.1f ms   p95 %6.1f ms".formatted(name, micros.get(SAMPLES / 2) / 1000.0,
				micros.get(SAMPLES * 95 / 100) / 1000.0);
	}

	/**
	 * Measures two URLs taking turns, so that each runs right after the other through the
	 * same connections and prepared statements.
	 */
	private List<String> alternate(String first, String second, String name) throws Exception {
		for (int i = 0; i < WARMUP; i++) {
			assertThat(get(first, null)).isEqualTo(200);
			assertThat(get(second, null)).isEqualTo(200);
		}
		List<Long> firstMicros = new ArrayList<>();
		List<Long> secondMicros = new ArrayList<>();
		for (int i = 0; i < SAMPLES; i++) {
			firstMicros.add(timed(first));
			secondMicros.add(timed(second));
		}
		return List.of(percentiles(name + " (1st)", firstMicros), percentiles(name + " (2nd)", secondMicros));
	}

	private long timed(String url) throws Exception {
		long started = System.nanoTime();
		assertThat(get(url, null)).isEqualTo(200);
		return (System.nanoTime() - started) / 1_000;
	}

	private static String percentiles(String name, List<Long> micros) {
		List<Long> sorted = new ArrayList<>(micros);
		Collections.sort(sorted);
		return "  %-18s p50 %6.1f ms   p95 %6.1f ms".formatted(name, sorted.get(sorted.size() / 2) / 1000.0,
				sorted.get(sorted.size() * 95 / 100) / 1000.0);
	}

	private int get(String url, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/**
	 * Readers' controls: every tenth seeded story is rated mature; the unfiltered reader
	 * admits every rating; the filtered one has the same interests, the default limit
	 * (teen), 20 muted tags among its interests' and 20 muted authors.
	 */
	private static void filters(JdbcClient jdbc, UUID reader, UUID filtered) {
		jdbc.sql("update stories set rating = 'mature' where slug like 'seed-%' and right(slug, 1) = '0'").update();
		jdbc.sql("""
				insert into reader_preferences (user_id, max_rating, updated_at) values (:reader, 'explicit', now())
				on conflict (user_id) do nothing""").param("reader", reader).update();
		jdbc.sql("delete from user_interests where user_id = :filtered").param("filtered", filtered).update();
		jdbc.sql("""
				insert into user_interests (user_id, tag_id, score)
				select :filtered, tag_id, score from user_interests where user_id = :reader and tag_id is not null""")
			.param("filtered", filtered)
			.param("reader", reader)
			.update();
		jdbc.sql("""
				insert into reader_preferences (user_id, max_rating, muted_tags, updated_at)
				values (:filtered, 'teen', array(select 'tag-' || g from generate_series(21, 40) g), now())
				on conflict (user_id) do nothing""").param("filtered", filtered).update();
		jdbc.sql("""
				insert into mutes (muter_id, muted_id)
				select :filtered, id from user_profiles where clerk_user_id like 'user_seed_%' order by id limit 20
				on conflict do nothing""").param("filtered", filtered).update();
		jdbc.sql("vacuum analyze").update();
	}

	/**
	 * Grows the data set to {@code total} published stories: authors, 500 tags used with
	 * a Zipf-like skew, three tags per story, a day of engagement skewed towards a few
	 * stories, and interests for the benchmark reader. All set-based.
	 */
	private static void seed(JdbcClient jdbc, UUID reader, int total) {
		int existing = jdbc.sql("select count(*) from stories").query(Integer.class).single();
		int add = total - existing;
		jdbc.sql("""
				insert into user_profiles (clerk_user_id, handle, display_name, email)
				select 'user_seed_' || g, 'author_' || g, 'Author ' || g, 'author' || g || '@example.com'
				from generate_series(:from, :to) g on conflict do nothing""")
			.param("from", existing / 5 + 1)
			.param("to", total / 5)
			.update();
		jdbc.sql("""
				insert into tags (name, slug) select 'Tag ' || g, 'tag-' || g from generate_series(1, 500) g
				on conflict (slug) do nothing""").update();
		String[] words = { "dragon", "storm", "lighthouse", "keeper", "moon", "river", "shadow", "crown", "garden",
				"letter", "winter", "ocean", "secret", "forest", "city", "song" };
		jdbc.sql("""
				with authors as (select array_agg(id) as ids from user_profiles where clerk_user_id like 'user_seed_%')
				insert into stories (id, slug, title, blurb, author_id, published, published_at, created_at, updated_at)
				select gen_random_uuid(), 'seed-' || g, initcap(w1.word || ' ' || w2.word) || ' ' || g,
				       'A tale of the ' || w2.word || ' and the ' || w1.word || '.',
				       a.ids[1 + (g % cardinality(a.ids))],
				       true, now() - (random() * interval '365 days'), now(), now()
				from generate_series(:from, :to) g cross join authors a
				cross join lateral (select (:words::text[])[1 + (g * 7 + 3) % 16] as word) w1
				cross join lateral (select (:words::text[])[1 + (g * 13 + 5) % 16] as word) w2""")
			.param("from", existing + 1)
			.param("to", total)
			.param("total", total)
			.param("words", words)
			.update();
		jdbc.sql("""
				insert into story_tags (story_id, tag_id)
				select s.id, t.id from stories s
				cross join lateral (select 'tag-' || (1 + floor(500 * power(random(), 3))::int) as slug
				                    from generate_series(1, 3) where s.id is not null) pick
				join tags t on t.slug = pick.slug
				where s.slug like 'seed-%' and s.search_vector = ''::tsvector
				on conflict do nothing""").update();
		jdbc.sql(
				"""
						update stories s set tag_names = coalesce(t.names, '{}'), tag_slugs = coalesce(t.slugs, '{}'), search_vector =
						    setweight(to_tsvector('english', muejam_unaccent(s.title)), 'A')
						    || setweight(to_tsvector('english', muejam_unaccent(s.blurb)), 'B')
						    || setweight(to_tsvector('english', muejam_unaccent(array_to_string(t.names, ' '))), 'C')
						from stories x left join lateral (select array_agg(t.name order by t.name) as names,
						                                  array_agg(t.slug order by t.name) as slugs
						                           from story_tags st join tags t on t.id = st.tag_id where st.story_id = x.id) t on true
						where x.id = s.id and s.search_vector = ''::tsvector""")
			.update();
		jdbc.sql("""
				update tags t set story_count = (select count(*) from story_tags st where st.tag_id = t.id)""")
			.update();
		jdbc.sql("""
				with seeded as (select array_agg(id order by id) as ids from stories where slug like 'seed-%')
				insert into story_engagements (story_id, kind, created_at)
				select x.ids[1 + floor(cardinality(x.ids) * power(random(), 4))::int],
				       (array['SAVE','READ','LIKE','WHISPER'])[1 + floor(random() * 4)::int],
				       now() - random() * interval '24 hours'
				from generate_series(1, :n) g cross join seeded x""").param("n", add * 2).update();
		jdbc.sql("delete from user_interests where user_id = :reader").param("reader", reader).update();
		jdbc.sql(
				"""
						insert into user_interests (user_id, tag_id, score)
						select :reader, t.id, 20 * random() from tags t where t.slug in (select 'tag-' || g from generate_series(1, 40) g)""")
			.param("reader", reader)
			.update();
		// a steady state as autovacuum keeps it: statistics, visibility map, no dead rows
		// from seeding
		jdbc.sql("vacuum analyze").update();
	}

}
