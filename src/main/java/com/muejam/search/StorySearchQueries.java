package com.muejam.search;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.pagination.Seek;
import com.muejam.core.visibility.ReaderPreferences;
import com.muejam.stories.StoryVisibility;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of story search: full-text hits in relevance tiers, each read newest first by
 * an indexable key and bounded by the page, so that a query matching every story costs
 * about as much as one matching a few. User input is always a bound parameter.
 */
@Component
class StorySearchQueries {

	private static final String STORY_VISIBLE = StoryVisibility.VISIBLE_STORY_SQL;

	/** The story query: web search syntax, accents folded, English stemming. */
	private static final String QUERY = "websearch_to_tsquery('english', muejam_unaccent(:q))";

	/**
	 * How many of the newest stories a page reads in feed order before using the
	 * full-text index.
	 */
	static final int WINDOW = 2000;

	private final JdbcClient jdbc;

	StorySearchQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Visible stories matching a full-text query, best first: stories whose title matches
	 * the whole query (tier 1), then the other matches (tier 2), each newest first, in
	 * one statement. For each tier the newest {@value #WINDOW} visible stories after the
	 * position are read in the public feed's index order; when they hold a page of
	 * matches (a common term) that is the tier's answer, since they are a prefix of its
	 * order. Otherwise the matches are few and the full-text index finds them all, sorted
	 * (a CTE only runs when read, so this costs nothing when the window is enough).
	 * @param q the query, in web search syntax
	 * @param hiddenAuthors authors to leave out (blocked either way, muted)
	 * @param preferences the ratings and tags to leave out
	 * @param leftOut stories to leave out (those the reader finished, when asked)
	 * @param after the position to continue after, or {@code null} for the first page
	 * @param limit rows to fetch
	 * @return the hits, in order
	 */
	List<StoryPosition> storyHits(String q, Set<UUID> hiddenAuthors, ReaderPreferences preferences, Set<UUID> leftOut,
			@Nullable StoryPosition after, int limit) {
		Map<String, Object> params = new HashMap<>(StoryVisibility.admittedParams(preferences));
		params.put("leftOut", leftOut.toArray(UUID[]::new));
		params.put("q", q);
		params.put("limit", limit);
		params.put("window", WINDOW);
		params.put("hidden", hiddenAuthors.toArray(UUID[]::new));
		if (after != null) {
			params.put("at", Timestamp.from(after.at()));
			params.put("id", after.id());
		}
		return this.jdbc.sql(statement(after))
			.params(params)
			.query((rs, n) -> new StoryPosition(rs.getInt("tier"),
					rs.getObject("published_at", OffsetDateTime.class).toInstant(), rs.getObject("id", UUID.class)))
			.list();
	}

	/**
	 * The statement for a page: a first page has both tiers look through one window (the
	 * newest stories); a page within the title tier has its own window after the position
	 * and the other matches theirs from the start; a page within the other matches has
	 * only theirs.
	 */
	private static String statement(@Nullable StoryPosition after) {
		String ctes;
		String tiers;
		if (after == null) {
			ctes = String.join(",\n", window("w", null), tier(1, "w", null), tier(2, "w", null));
			tiers = "select * from t1 union all select * from t2";
		}
		else if (after.tier() == 1) {
			ctes = String.join(",\n", window("w1", after), tier(1, "w1", after), window("w2", null),
					tier(2, "w2", null));
			tiers = "select * from t1 union all select * from t2";
		}
		else {
			ctes = String.join(",\n", window("w2", after), tier(2, "w2", after));
			tiers = "select * from t2";
		}
		return """
				with %s
				select tier, id, published_at from (%s) hit
				order by tier, published_at desc, id desc limit :limit""".formatted(ctes, tiers);
	}

	/**
	 * The newest {@value #WINDOW} visible stories after the position, in feed order, each
	 * with whether its title matches and whether it matches at all (each test run once
	 * per story, and no text vector copied).
	 */
	private static String window(String name, @Nullable StoryPosition after) {
		return """
				%s as materialized (
				    select s.id, s.published_at, s.author_id, s.rating, s.tag_slugs,
				           s.title_vector @@ %s as in_title, s.search_vector @@ %2$s as matches
				    from stories s where %s %s
				    order by s.published_at desc, s.id desc limit :window)""".formatted(name, QUERY, STORY_VISIBLE,
				Seek.descending(after, "s.published_at, s.id", ":at, :id"));
	}

	/**
	 * The CTEs of one tier, ending in {@code t<tier>(tier, id, published_at)}: its
	 * matches in the window, all its matches from the full-text index, and the answer.
	 */
	private static String tier(int tier, String window, @Nullable StoryPosition after) {
		String visible = STORY_VISIBLE + " " + Seek.descending(after, "s.published_at, s.id", ":at, :id");
		// what the caller asked not to see (blocks, mutes, ratings, muted tags, what they
		// finished) is left out of the matches, not of the window: the window stays the
		// same prefix of the feed for every reader, so filters cost only their own test
		// on each match (a filtered window would walk further to fill up)
		String wanted = "s.author_id <> all(:hidden) and s.id <> all(:leftOut) and " + StoryVisibility.ADMITTED_SQL;
		String inWindow = ((tier == 1) ? "s.in_title" : "not s.in_title") + " and s.matches";
		String match = ((tier == 1) ? "title_vector @@ %s" : "not (title_vector @@ %s)").formatted(QUERY)
				+ " and search_vector @@ " + QUERY;
		return """
				h%1$d as materialized (
				    select s.id, s.published_at from %2$s s where %3$s and %6$s
				    order by s.published_at desc, s.id desc limit :limit),
				g%1$d as materialized (
				    select s.id, s.published_at from stories s where %4$s and %5$s and %6$s),
				t%1$d as (
				    select %1$d as tier, id, published_at from h%1$d
				    where (select count(*) from h%1$d) >= :limit or (select count(*) from %2$s) < :window
				    union all
				    (select %1$d, id, published_at from g%1$d
				     where (select count(*) from h%1$d) < :limit and (select count(*) from %2$s) = :window
				     order by published_at desc, id desc limit :limit))""".formatted(tier, window, inWindow, match,
				visible, wanted);
	}

	/**
	 * Where a page of story hits continues: after this (tier, published_at, id); tier 1
	 * are title matches, tier 2 the others.
	 *
	 * @param tier the last hit's tier
	 * @param at its publication time
	 * @param id its id
	 */
	record StoryPosition(int tier, Instant at, UUID id) {

		StoryPosition {
			if (tier != 1 && tier != 2) {
				throw new IllegalArgumentException("tier must be 1 or 2");
			}
		}

		static StoryPosition of(List<String> values) {
			if (values.size() != 3) {
				throw new IllegalArgumentException("three values expected");
			}
			return new StoryPosition(Integer.parseInt(values.get(0)), Instant.parse(values.get(1)),
					UUID.fromString(values.get(2)));
		}

		List<String> values() {
			return List.of(Integer.toString(this.tier), this.at.toString(), this.id.toString());
		}

	}

}
