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

	private final JdbcClient jdbc;

	StorySearchQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Plans each statement of the current transaction for its own parameter values: a
	 * search term that matches most stories wants a walk of the public feed index, a rare
	 * one the full-text index, and the one generic plan PostgreSQL may otherwise settle
	 * on after a statement's fifth execution would be a disaster for one of them.
	 */
	void planForEachQuery() {
		this.jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
	}

	/**
	 * Visible stories matching a full-text query, best first: stories whose title matches
	 * the whole query (tier 1), then the other matches (tier 2), each newest first. Each
	 * tier is a bounded, keyset-ordered scan, so the cost does not grow with the matches.
	 * @param q the query, in web search syntax
	 * @param hiddenAuthors authors to leave out (blocked either way)
	 * @param after the position to continue after, or {@code null} for the first page
	 * @param limit rows to fetch
	 * @return the hits, in order
	 */
	List<StoryPosition> storyHits(String q, Set<UUID> hiddenAuthors, @Nullable StoryPosition after, int limit) {
		String titleTier = """
				(select 1 as tier, s.id, s.published_at from stories s
				 where s.title_vector @@ %s and %s
				 order by s.published_at desc, s.id desc limit :limit)
				union all
				""".formatted(QUERY, storyMatch(after));
		boolean inTitleTier = after == null || after.tier() == 1;
		String sql = """
				select tier, id, published_at from (
				%s(select 2 as tier, s.id, s.published_at from stories s
				 where not (s.title_vector @@ %s) and %s
				 order by s.published_at desc, s.id desc limit :limit)) hit
				order by tier, published_at desc, id desc limit :limit""".formatted(inTitleTier ? titleTier : "", QUERY,
				storyMatch((after != null && after.tier() == 2) ? after : null));
		Map<String, Object> params = new HashMap<>();
		params.put("q", q);
		params.put("limit", limit);
		params.put("hidden", hiddenAuthors.toArray(UUID[]::new));
		if (after != null) {
			params.put("at", Timestamp.from(after.at()));
			params.put("id", after.id());
		}
		return this.jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new StoryPosition(rs.getInt("tier"),
					rs.getObject("published_at", OffsetDateTime.class).toInstant(), rs.getObject("id", UUID.class)))
			.list();
	}

	/**
	 * A visible story, by someone not hidden, whose whole search document matches the
	 * query, continuing after a position of the same tier.
	 */
	private static String storyMatch(@Nullable StoryPosition after) {
		return "s.search_vector @@ %s and %s and s.author_id <> all(:hidden) %s".formatted(QUERY, STORY_VISIBLE,
				Seek.descending(after, "s.published_at, s.id", ":at, :id"));
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
