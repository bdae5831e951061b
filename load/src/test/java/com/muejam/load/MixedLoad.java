package com.muejam.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The mixed workload at a fixed rate, in Gatling's open model: every request is a new
 * virtual user started on schedule whatever the latency, so a slow answer cannot slow the
 * arrivals down (no coordinated omission), and response times count from the scheduled
 * start. Connections are shared, as a load balancer's are.
 *
 * <p>
 * The mix: 60% story and chapter reads across all stories (popular ones more often),
 * 15% lists and Discover tabs, 5% search, 10% authenticated library reads, 10% writes
 * (reading progress and shelf adds). Settings (system properties): {@code baseUrl},
 * {@code jdbcUrl} (to read the seeded ids), {@code rate} (requests per second),
 * {@code duration} (seconds), {@code p99} (the p99 bound in ms the run must meet),
 * {@code warmup} (seconds: the rate first ramps up from 1/s to {@code rate} over that
 * time, as a load balancer's slow start warms a new instance's JIT up before it takes its
 * share; those requests are named {@code warm-up ...} and asserted nothing, and the
 * measured {@code duration} follows in the same JVM).
 */
public class MixedLoad extends Simulation {

	private static final String BASE = System.getProperty("baseUrl", "http://localhost:8080");

	private static final int RATE = Integer.getInteger("rate", 1000);

	private static final int DURATION = Integer.getInteger("duration", 60);

	private static final int P99 = Integer.getInteger("p99", 50);

	private static final int WARMUP = Integer.getInteger("warmup", 0);

	private static final List<String> REQUESTS = List.of("story", "chapter", "list", "discover new",
			"discover trending", "search", "shelf items", "reading list", "save progress", "shelf add");

	private static final String[] WORDS = { "dragons", "lighthouse", "keeper", "moon river", "shadow", "crown garden",
			"winter", "ocean secret", "forest", "city song" };

	private final DataSet data = DataSet.load(System.getProperty("jdbcUrl", "jdbc:postgresql://localhost:15432/postgres"),
			BASE);

	private final HttpProtocolBuilder protocol = http.baseUrl(BASE)
		.acceptHeader("application/json")
		.contentTypeHeader("application/json")
		.shareConnections()
		.disableCaching();

	/**
	 * The mix, its requests named with a prefix (the warm-up's are reported apart).
	 */
	private ScenarioBuilder mix(String name, String prefix) {
		return scenario(name).feed(this.data.picks())
			.randomSwitch()
			.on(percent(40.0).then(exec(http(prefix + "story").get("/v1/stories/#{slug}").check(status().is(200)))),
					percent(20.0).then(exec(http(prefix + "chapter").get("/v1/chapters/#{chapter}").check(status().is(200)))),
					percent(5.0).then(exec(http(prefix + "list").get("/v1/stories?page_size=20").check(status().is(200)))),
					percent(5.0).then(exec(http(prefix + "discover new").get("/v1/discover?tab=new").check(status().is(200)))),
					percent(5.0).then(
							exec(http(prefix + "discover trending").get("/v1/discover?tab=trending").check(status().is(200)))),
					percent(5.0).then(exec(http(prefix + "search").get("/v1/search?q=#{words}").check(status().is(200)))),
					percent(5.0).then(exec(http(prefix + "shelf items").get("/v1/library/shelves/#{shelf}/items")
						.header("Authorization", "Bearer #{token}")
						.check(status().is(200)))),
					percent(5.0).then(exec(http(prefix + "reading list").get("/v1/library/reading")
						.header("Authorization", "Bearer #{token}")
						.check(status().is(200)))),
					percent(5.0).then(exec(http(prefix + "save progress").post("/v1/chapters/#{chapter}/progress")
						.header("Authorization", "Bearer #{token}")
						.body(StringBody("{\"offset\":#{offset}}"))
						.check(status().in(200, 201)))),
					percent(5.0).then(exec(http(prefix + "shelf add").post("/v1/library/shelves/#{shelf}/items")
						.header("Authorization", "Bearer #{token}")
						.body(StringBody("{\"story_id\":\"#{story_id}\"}"))
						.check(status().in(200, 201)))));
	}

	{
		if (WARMUP > 0) {
			// one JVM warms up (its own JIT as well as the service's), then measures; the
			// assertions look at the measured requests only
			setUp(mix("warm-up", "warm-up ").injectOpen(rampUsersPerSec(1).to(RATE).during(WARMUP))
				.andThen(mix("mixed", "").injectOpen(constantUsersPerSec(RATE).during(DURATION))))
				.protocols(this.protocol)
				.assertions(measured());
		}
		else {
			setUp(mix("mixed", "").injectOpen(constantUsersPerSec(RATE).during(DURATION))).protocols(this.protocol)
				.assertions(global().failedRequests().count().is(0L), global().responseTime().percentile4().lt(P99));
		}
	}

	/** No errors and p99 under the bound, for each measured request type. */
	private static List<Assertion> measured() {
		List<Assertion> assertions = new ArrayList<>();
		for (String request : REQUESTS) {
			assertions.add(details(request).failedRequests().count().is(0L));
			assertions.add(details(request).responseTime().percentile4().lt(P99));
		}
		return assertions;
	}

	/** The seeded ids the requests pick from, and a token per reader. */
	record DataSet(List<String> slugs, List<String> storyIds, List<String> chapters, List<Reader> readers) {

		record Reader(String token, String shelf) {
		}

		static DataSet load(String jdbcUrl, String base) {
			List<String> slugs = new ArrayList<>();
			List<String> storyIds = new ArrayList<>();
			List<String> chapters = new ArrayList<>();
			List<String[]> readers = new ArrayList<>();
			try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
					Statement statement = db.createStatement()) {
				try (ResultSet rows = statement.executeQuery("""
						select s.slug, s.id, c.id from stories s join chapters c on c.story_id = s.id
						where s.slug like 'load-%' and c.chapter_number = 1 order by s.published_at desc""")) {
					while (rows.next()) {
						slugs.add(rows.getString(1));
						storyIds.add(rows.getString(2));
						chapters.add(rows.getString(3));
					}
				}
				try (ResultSet rows = statement.executeQuery("""
						select u.clerk_user_id, sh.id from user_profiles u join shelves sh on sh.user_id = u.id
						where u.clerk_user_id like 'user_load_reader_%'""")) {
					while (rows.next()) {
						readers.add(new String[] { rows.getString(1), rows.getString(2) });
					}
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Seed the database first (load/run.sh does)", ex);
			}
			HttpClient client = HttpClient.newHttpClient();
			List<Reader> withTokens = readers.stream().map((r) -> new Reader(token(client, base, r[0]), r[1])).toList();
			return new DataSet(slugs, storyIds, chapters, withTokens);
		}

		private static String token(HttpClient client, String base, String user) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/dev/tokens"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"user_id\":\"" + user + "\",\"email\":\"" + user + "@example.com\"}"))
				.build();
			try {
				String body = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
				Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
				if (!token.find()) {
					throw new IllegalStateException("No token in " + body);
				}
				return token.group(1);
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		/**
		 * Endless random picks: stories skewed towards the newest (a few popular stories
		 * read most, a long tail read now and then), readers uniformly.
		 */
		Iterator<Map<String, Object>> picks() {
			return new Iterator<>() {
				@Override
				public boolean hasNext() {
					return true;
				}

				@Override
				public Map<String, Object> next() {
					ThreadLocalRandom random = ThreadLocalRandom.current();
					int story = (int) (slugs.size() * Math.pow(random.nextDouble(), 2));
					Reader reader = readers.get(random.nextInt(readers.size()));
					return Map.of("slug", slugs.get(story), "chapter", chapters.get(story), "story_id",
							storyIds.get(random.nextInt(storyIds.size())), "token", reader.token(), "shelf",
							reader.shelf(), "offset", random.nextInt(1, 1500), "words",
							WORDS[random.nextInt(WORDS.length)].replace(" ", "%20"));
				}
			};
		}
	}

}
