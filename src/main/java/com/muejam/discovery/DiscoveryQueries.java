package com.muejam.discovery;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.visibility.Rating;
import com.muejam.stories.StoryVisibility;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statements behind the discover feeds: the trending top, the reader's interests, the
 * For You ranking in one statement over a bounded candidate set, and "not interested".
 */
@Component
class DiscoveryQueries {

	/** For You candidates: this many of the reader's top tags and authors... */
	private static final int TOP_TAGS = 10;

	private static final int TOP_AUTHORS = 10;

	/** ...this many stories of each... */
	private static final int STORIES_PER_TAG = 15;

	private static final int STORIES_PER_AUTHOR = 5;

	/** ...and the trending top and the newest. */
	private static final int TRENDING_CANDIDATES = 40;

	private static final int NEWEST_CANDIDATES = 25;

	/**
	 * Stories' visibility rule at the moment For You ranks at rather than now
	 * ({@link StoryVisibility#visibleStorySqlAt}): a later page whose cached ranking was
	 * replaced ranks again at its cursor's moment (the service's clock, not the
	 * database's), so it cannot use the rule's {@code now()}.
	 */
	private static final String VISIBLE_AT = StoryVisibility.visibleStorySqlAt("cast(:at as timestamptz)");

	/**
	 * The depth is written into the statement, not bound: the generic plan the
	 * connections keep must know it reads a few hundred rows of the score index, not a
	 * tenth of the table (what PostgreSQL assumes of a bound limit).
	 */
	private static final String TRENDING_SQL = """
			select t.story_id, s.author_id, t.score, s.rating, s.tag_slugs from story_trending t join stories s on s.id = t.story_id
			where %s order by t.score desc, t.story_id desc limit %%d"""
		.formatted(StoryVisibility.VISIBLE_STORY_SQL);

	/**
	 * Each candidate costs a few primary-key lookups (the story, its tags, its trending
	 * score), written as lateral subqueries so the planner cannot trade them for full
	 * scans on small tables; the reader's interests are bound as arrays, so the plan does
	 * not depend on them and PostgreSQL can keep one generic plan for everybody.
	 */
	private static final String FOR_YOU_SQL = """
			with candidates as (
			    select st.story_id as id from unnest(cast(:topTags as uuid[])) tt(tag_id)
			      cross join lateral (select story_id from story_tags where tag_id = tt.tag_id
			                          order by story_id desc limit %2$d) st
			    union select a.id from unnest(cast(:topAuthors as uuid[])) ta(author_id)
			      cross join lateral (select s.id from stories s where s.author_id = ta.author_id and %1$s
			                          order by s.published_at desc limit %3$d) a
			    union (select story_id from story_trending order by score desc limit %4$d)
			    union (select s.id from stories s where %1$s order by s.published_at desc limit %5$d)),
			excluded as (
			    select si.story_id from shelves sh join shelf_items si on si.shelf_id = sh.id where sh.user_id = :user
			    union all select ni.story_id from not_interested ni where ni.user_id = :user),
			eligible as (
			    select s.* from candidates c
			    cross join lateral (select s.id, s.author_id, s.published_at, s.rating, s.tag_slugs from stories s
			                        where s.id = c.id and %1$s and s.author_id <> :user and s.author_id <> all(cast(:hidden as uuid[]))
			                        limit 1) s
			    where s.id not in (select story_id from excluded)),
			scored as (
			    select e.id, e.author_id, e.published_at, e.rating, e.tag_slugs, tm.interest, tm.best as tag_score, tm.best_tag, tr.score as trending,
			           (cast(:authorScores as float8[]))[array_position(cast(:authors as uuid[]), e.author_id)] as author_score
			    from eligible e
			    cross join lateral (
			        select sum(x.score) as interest, max(x.score) as best, (array_agg(x.tag_id order by x.score desc))[1] as best_tag
			        from (select st.tag_id, (cast(:tagScores as float8[]))[array_position(cast(:tags as uuid[]), st.tag_id)] as score
			              from story_tags st where st.story_id = e.id) x
			        where x.score is not null) tm
			    left join lateral (select t.score from story_trending t where t.story_id = e.id limit 1) tr on true),
			ranked as (
			    select r.*, 0.5 * (coalesce(r.interest, 0) + coalesce(r.author_score, 0)) + 0.3 * coalesce(r.trending, 0)
			                + 0.2 * exp(-0.1 * cast(extract(epoch from (cast(:at as timestamptz) - r.published_at)) as float8) / 86400.0) as score
			    from scored r order by score desc, r.id desc limit :depth)
			select r.id, r.author_id, r.score, r.rating, r.tag_slugs, r.author_score, r.tag_score, u.handle as author_handle, t.name as top_tag
			from ranked r left join user_profiles u on u.id = r.author_id left join tags t on t.id = r.best_tag
			order by r.score desc, r.id desc"""
		.formatted(VISIBLE_AT, STORIES_PER_TAG, STORIES_PER_AUTHOR, TRENDING_CANDIDATES, NEWEST_CANDIDATES);

	private final JdbcClient jdbc;

	DiscoveryQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The visible stories with the highest trending scores.
	 * @param depth how many
	 * @return the stories, best first, each for trending
	 */
	List<Ranked.Entry> trending(int depth) {
		return this.jdbc.sql(TRENDING_SQL.formatted(depth))
			.query((rs, n) -> new Ranked.Entry(rs.getObject("story_id", UUID.class),
					rs.getObject("author_id", UUID.class), rs.getDouble("score"), DiscoverItem.Reason.TRENDING,
					Rating.fromWire(rs.getString("rating")), slugs(rs.getArray("tag_slugs"))))
			.list();
	}

	/**
	 * The reader's For You ranking: stories of their strongest tags and authors, the
	 * trending top and the newest, scored 0.5 interest + 0.3 trending + 0.2 freshness,
	 * leaving out their own, shelved, not-interested and hidden authors' stories.
	 * @param userId the reader
	 * @param at the moment to rank at
	 * @param depth how many
	 * @param interests the reader's interests
	 * @param hiddenAuthors authors the reader blocked or is blocked by
	 * @return the stories, best first, each with the tag or author it is there for
	 */
	List<Ranked.Entry> forYou(UUID userId, Instant at, int depth, Interests interests, UUID[] hiddenAuthors) {
		return this.jdbc.sql(FOR_YOU_SQL)
			.param("user", userId)
			.param("at", Timestamp.from(at))
			.param("depth", depth)
			.param("tags", interests.tags().ids())
			.param("tagScores", interests.tags().scores())
			.param("topTags", interests.tags().top(TOP_TAGS))
			.param("authors", interests.authors().ids())
			.param("authorScores", interests.authors().scores())
			.param("topAuthors", interests.authors().top(TOP_AUTHORS))
			.param("hidden", hiddenAuthors)
			.query((rs, n) -> {
				double tagScore = rs.getDouble("tag_score");
				boolean hasTag = !rs.wasNull();
				double authorScore = rs.getDouble("author_score");
				boolean hasAuthor = !rs.wasNull();
				DiscoverItem.Reason reason = (hasTag && (!hasAuthor || tagScore >= authorScore))
						? new DiscoverItem.Reason(DiscoverItem.Kind.TAG, rs.getString("top_tag"))
						: hasAuthor ? new DiscoverItem.Reason(DiscoverItem.Kind.AUTHOR, rs.getString("author_handle"))
								: DiscoverItem.Reason.TRENDING;
				return new Ranked.Entry(rs.getObject("id", UUID.class), rs.getObject("author_id", UUID.class),
						rs.getDouble("score"), reason, Rating.fromWire(rs.getString("rating")),
						slugs(rs.getArray("tag_slugs")));
			})
			.list();
	}

	/**
	 * The reader's strongest interests, tags and authors apart, best first.
	 * @param userId the reader
	 * @param limit how many interests in all
	 * @return the interests
	 */
	Interests interests(UUID userId, int limit) {
		var tags = new Interests.Builder();
		var authors = new Interests.Builder();
		this.jdbc.sql("""
				select tag_id, author_id, score from user_interests where user_id = :user
				order by score desc limit :limit""").param("user", userId).param("limit", limit).query((rs) -> {
			UUID tagId = rs.getObject("tag_id", UUID.class);
			if (tagId != null) {
				tags.add(tagId, rs.getDouble("score"));
			}
			else {
				authors.add(rs.getObject("author_id", UUID.class), rs.getDouble("score"));
			}
		});
		return new Interests(tags.build(), authors.build());
	}

	/**
	 * Records that the reader does not want a story.
	 * @param userId the reader
	 * @param storyId the story
	 * @return whether this is news (not recorded before)
	 */
	boolean markNotInterested(UUID userId, UUID storyId) {
		return this.jdbc
			.sql("insert into not_interested (user_id, story_id) values (:user, :story) on conflict do nothing")
			.param("user", userId)
			.param("story", storyId)
			.update() > 0;
	}

	/**
	 * Halves the reader's interest in each of a story's tags.
	 * @param userId the reader
	 * @param storyId the story
	 */
	void halveInterestInTagsOf(UUID userId, UUID storyId) {
		this.jdbc.sql("""
				update user_interests set score = score * 0.5, updated_at = now()
				where user_id = :user and tag_id in (select tag_id from story_tags where story_id = :story)""")
			.param("user", userId)
			.param("story", storyId)
			.update();
	}

	private static List<String> slugs(@Nullable Array values) throws SQLException {
		return (values != null) ? List.of((String[]) values.getArray()) : List.of();
	}

}
