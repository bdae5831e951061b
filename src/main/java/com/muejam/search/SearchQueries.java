package com.muejam.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.visibility.Rating;

import com.muejam.core.pagination.Seek;
import com.muejam.search.SearchService.TagHit;
import com.muejam.stories.StoryVisibility;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of search: ranked, keyset-paginated hits over users and tags (trigrams), and
 * the type-ahead candidates (stories are {@link StorySearchQueries}). User input is
 * always a bound parameter.
 */
@Component
class SearchQueries {

	private static final String STORY_VISIBLE = StoryVisibility.VISIBLE_STORY_SQL;

	private final JdbcClient jdbc;

	SearchQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Plans each statement of the current transaction for its own parameter values, as
	 * every search does before its first statement: a search term that matches most
	 * stories wants a walk of the public feed index, a rare one the full-text index (and
	 * a pattern typed into a user, tag or type-ahead search its trigram index, or not),
	 * and the one generic plan the connections otherwise keep for a statement
	 * ({@code muejam.database.plan-cache-mode}) would be a disaster for one of them.
	 */
	void planForEachQuery() {
		this.jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
	}

	/**
	 * Users (not deleted) whose handle or display name is like a query, best first.
	 * @param q the query, lower case
	 * @param contains the LIKE pattern for names containing the query
	 * @param hiddenUsers users to leave out (blocked either way)
	 * @param after the position to continue after, or {@code null} for the first page
	 * @param limit rows to fetch
	 * @return the hits
	 */
	List<Hit> userHits(String q, String contains, Set<UUID> hiddenUsers, @Nullable Position after, int limit) {
		return this.jdbc
			.sql("""
					select id, rank, recency from (
					    select u.id, greatest(similarity(lower(u.handle), :q),
					                          similarity(lower(muejam_unaccent(u.display_name)), muejam_unaccent(:q)))::float8 as rank,
					           (extract(epoch from u.created_at) * 1000000)::bigint as recency
					    from user_profiles u
					    where u.deleted_at is null
					      and (lower(u.handle) like :contains or lower(muejam_unaccent(u.display_name)) like muejam_unaccent(:contains)
					           or lower(u.handle) %% :q or lower(muejam_unaccent(u.display_name)) %% muejam_unaccent(:q))
					      and u.id <> all(:hidden)) hit
					where true %s
					order by rank desc, recency desc, id desc limit :limit"""
				.formatted(after(after)))
			.param("q", q)
			.param("contains", contains)
			.param("limit", limit)
			.params(params(hiddenUsers, after))
			.query((rs, n) -> new Hit(rs.getObject("id", UUID.class), rs.getDouble("rank"), rs.getLong("recency")))
			.list();
	}

	/**
	 * Tags of visible stories whose name is like a query, best first.
	 * @param q the query, lower case
	 * @param contains the LIKE pattern for names containing the query
	 * @param after the position to continue after, or {@code null} for the first page
	 * @param limit rows to fetch
	 * @return the hits with the tags
	 */
	List<TagRow> tagHits(String q, String contains, @Nullable Position after, int limit) {
		return this.jdbc.sql("""
				select id, name, slug, recency as story_count, rank, recency from (
				    select t.id, t.name, t.slug, t.story_count::bigint as recency,
				           similarity(lower(muejam_unaccent(t.name)), muejam_unaccent(:q))::float8 as rank
				    from tags t
				    where (lower(muejam_unaccent(t.name)) like muejam_unaccent(:contains)
				           or lower(muejam_unaccent(t.name)) %% muejam_unaccent(:q))
				      and exists (select 1 from story_tags st join stories s on s.id = st.story_id
				                  where st.tag_id = t.id and %s)) hit
				where true %s
				order by rank desc, recency desc, id desc limit :limit""".formatted(STORY_VISIBLE, after(after)))
			.param("q", q)
			.param("contains", contains)
			.param("limit", limit)
			.params(params(Set.of(), after))
			.query((rs, n) -> new TagRow(
					new Hit(rs.getObject("id", UUID.class), rs.getDouble("rank"), rs.getInt("story_count")),
					new TagHit(rs.getString("name"), rs.getString("slug"), rs.getInt("story_count"))))
			.list();
	}

	/**
	 * Visible stories whose title starts with, or has a word starting with, what was
	 * typed; newest first.
	 * @param prefix the LIKE pattern for the start
	 * @param word the LIKE pattern for a word's start
	 * @param limit rows to fetch
	 * @return the suggestions
	 */
	List<Suggestions.StorySuggestion> storySuggestions(String prefix, String word, int limit) {
		return this.jdbc.sql("""
				select s.id, s.slug, s.title, s.author_id, s.rating, s.tag_slugs from stories s
				where %s and (lower(muejam_unaccent(s.title)) like muejam_unaccent(:prefix)
				              or lower(muejam_unaccent(s.title)) like muejam_unaccent(:word))
				order by s.published_at desc limit :n""".formatted(STORY_VISIBLE))
			.param("prefix", prefix)
			.param("word", word)
			.param("n", limit)
			.query((rs, n) -> new Suggestions.StorySuggestion(rs.getObject("id", UUID.class), rs.getString("slug"),
					rs.getString("title"), rs.getObject("author_id", UUID.class),
					Rating.fromWire(rs.getString("rating")), List.of((String[]) rs.getArray("tag_slugs").getArray())))
			.list();
	}

	/**
	 * Users (not deleted) whose handle starts with, or display name starts with or has a
	 * word starting with, what was typed; most followed first.
	 * @param prefix the LIKE pattern for the start
	 * @param word the LIKE pattern for a word's start
	 * @param limit rows to fetch
	 * @return the suggestions
	 */
	List<Suggestions.UserSuggestion> userSuggestions(String prefix, String word, int limit) {
		return this.jdbc.sql("""
				select u.id, u.handle, u.display_name from user_profiles u
				where u.deleted_at is null and (lower(u.handle) like :prefix
				      or lower(muejam_unaccent(u.display_name)) like muejam_unaccent(:prefix)
				      or lower(muejam_unaccent(u.display_name)) like muejam_unaccent(:word))
				order by u.follower_count desc, u.id limit :n""")
			.param("prefix", prefix)
			.param("word", word)
			.param("n", limit)
			.query((rs, n) -> new Suggestions.UserSuggestion(rs.getObject("id", UUID.class), rs.getString("handle"),
					rs.getString("display_name")))
			.list();
	}

	/**
	 * Used tags whose name starts with, or has a word starting with, what was typed; most
	 * used first.
	 * @param prefix the LIKE pattern for the start
	 * @param word the LIKE pattern for a word's start
	 * @param limit rows to fetch
	 * @return the suggestions
	 */
	List<TagHit> tagSuggestions(String prefix, String word, int limit) {
		return this.jdbc.sql("""
				select t.name, t.slug, t.story_count from tags t
				where t.story_count > 0 and (lower(muejam_unaccent(t.name)) like muejam_unaccent(:prefix)
				                             or lower(muejam_unaccent(t.name)) like muejam_unaccent(:word))
				order by t.story_count desc, t.id limit :n""")
			.param("prefix", prefix)
			.param("word", word)
			.param("n", limit)
			.query((rs, n) -> new TagHit(rs.getString("name"), rs.getString("slug"), rs.getInt("story_count")))
			.list();
	}

	/**
	 * The keyset condition over the hit's (rank, recency, id), all exact types (float8,
	 * bigint microseconds, uuid) so that a cursor compares equal to the row it came from.
	 */
	private static String after(@Nullable Position after) {
		return Seek.descending(after, "rank, recency, id", ":rank, :recency, :id");
	}

	private static Map<String, Object> params(Set<UUID> hidden, @Nullable Position after) {
		Map<String, Object> params = new HashMap<>();
		params.put("hidden", hidden.toArray(UUID[]::new));
		if (after != null) {
			params.put("rank", after.rank());
			params.put("recency", after.recency());
			params.put("id", after.id());
		}
		return params;
	}

	/**
	 * A ranked hit and its keyset position.
	 *
	 * @param id the story, user or tag
	 * @param rank how well it matches
	 * @param recency the tie-breaker (microseconds since the epoch, or a tag's use count)
	 */
	record Hit(UUID id, double rank, long recency) {
	}

	/**
	 * Where a page of hits continues: after this (rank, recency, id).
	 *
	 * @param rank the last hit's rank
	 * @param recency its recency
	 * @param id its id
	 */
	record Position(double rank, long recency, UUID id) {

		static Position of(List<String> values) {
			return new Position(Double.parseDouble(values.get(0)), Long.parseLong(values.get(1)),
					UUID.fromString(values.get(2)));
		}

	}

	/**
	 * A tag hit with the tag as shown.
	 *
	 * @param hit its position
	 * @param tag the tag
	 */
	record TagRow(Hit hit, TagHit tag) {
	}

}
