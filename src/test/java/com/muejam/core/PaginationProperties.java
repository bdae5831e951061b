package com.muejam.core;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import tools.jackson.databind.JsonNode;

import com.muejam.support.Api;
import com.muejam.support.IntegrationTest;
import com.muejam.support.SpringContexts;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyset pagination of the production list queries, over HTTP: following
 * {@code next_cursor} through the public story list and a user's notifications returns
 * every item exactly once, newest first, even while new items are inserted at the head
 * between pages (seed properties 4, 29, 30).
 */
@IntegrationTest
class PaginationProperties {

	private final ConfigurableApplicationContext context = (ConfigurableApplicationContext) SpringContexts
		.of(PaginationProperties.class);

	private final JdbcClient jdbc = this.context.getBean(JdbcClient.class);

	private final Api api = Api.of(this.context);

	@Property(tries = 20)
	void followingCursorsReturnsEveryItemExactlyOnce(@ForAll Listing listing,
			@ForAll @IntRange(min = 0, max = 45) int items, @ForAll @IntRange(min = 1, max = 100) int pageSize,
			@ForAll @IntRange(min = 1, max = 5) int distinctTimes,
			@ForAll @IntRange(min = 0, max = 3) int insertsPerPage) {
		UUID owner = profile();
		Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.DAYS);
		Set<String> expected = new HashSet<>();
		for (int i = 0; i < items; i++) {
			// few distinct timestamps: ties must be broken by id
			expected.add(insert(listing, owner, base.plusSeconds(i % distinctTimes)).toString());
		}
		List<String> seen = new ArrayList<>();
		List<Instant> times = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode page = page(listing, owner, pageSize, cursor);
			assertThat(page.path("data").isArray()).isTrue();
			assertThat(page.has("next_cursor")).isTrue();
			assertThat(page.path("data").size()).isLessThanOrEqualTo(pageSize);
			page.path("data").forEach((item) -> {
				seen.add(item.path("id").asString());
				times.add(Instant.parse(item.path(listing.timeField).asString()));
			});
			for (int i = 0; i < insertsPerPage; i++) {
				// newer than every listed item, but already visible
				insert(listing, owner, base.plus(1, ChronoUnit.DAYS).plusSeconds(pages));
			}
			cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asString();
			pages++;
		}
		while (cursor != null && pages < 200);
		assertThat(seen).doesNotHaveDuplicates();
		assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
	}

	private JsonNode page(Listing listing, UUID owner, int pageSize, String cursor) {
		String path = switch (listing) {
			case STORIES -> "/v1/stories?author=" + handle(owner) + "&page_size=" + pageSize;
			case NOTIFICATIONS -> "/v1/notifications?page_size=" + pageSize;
		};
		Api.Call call = this.api.get(path + ((cursor != null) ? "&cursor=" + cursor : ""));
		if (listing == Listing.NOTIFICATIONS) {
			call = call.as(clerkId(owner));
		}
		Api.Reply reply = call.send();
		assertThat(reply.status()).as(reply.text()).isEqualTo(200);
		return reply.json();
	}

	private UUID insert(Listing listing, UUID owner, Instant at) {
		return switch (listing) {
			case STORIES -> this.jdbc.sql("""
					insert into stories (slug, title, author_id, published, published_at, created_at)
					values (:slug, 'Paged', :author, true, :at, :at) returning id""")
				.param("slug", "paged-" + UUID.randomUUID())
				.param("author", owner)
				.param("at", Timestamp.from(at))
				.query(UUID.class)
				.single();
			case NOTIFICATIONS -> this.jdbc.sql("""
					insert into notifications (user_id, type, actor_id, created_at)
					values (:user, 'FOLLOW', :actor, :at) returning id""")
				.param("user", owner)
				.param("actor", profile())
				.param("at", Timestamp.from(at))
				.query(UUID.class)
				.single();
		};
	}

	private UUID profile() {
		String handle = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
		return this.jdbc.sql("""
				insert into user_profiles (clerk_user_id, handle, display_name)
				values (:clerk, :handle, 'Paged') returning id""")
			.param("clerk", "user_" + handle)
			.param("handle", handle)
			.query(UUID.class)
			.single();
	}

	private String handle(UUID profile) {
		return this.jdbc.sql("select handle from user_profiles where id = :id")
			.param("id", profile)
			.query(String.class)
			.single();
	}

	private String clerkId(UUID profile) {
		return this.jdbc.sql("select clerk_user_id from user_profiles where id = :id")
			.param("id", profile)
			.query(String.class)
			.single();
	}

	/**
	 * A list endpoint under test and the timestamp it is ordered by.
	 */
	enum Listing {

		STORIES("published_at"), NOTIFICATIONS("created_at");

		private final String timeField;

		Listing(String timeField) {
			this.timeField = timeField;
		}

	}

}
