package com.muejam.discovery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.cache.CacheNames;
import com.muejam.core.error.ApiException;
import com.muejam.core.error.ErrorCode;
import com.muejam.core.pagination.CursorCodec;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.InvalidCursor;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;
import com.muejam.core.visibility.BlockedUsers;
import com.muejam.stories.StoryService;
import com.muejam.stories.StoryView;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The discover feeds. New is the newest published stories; Trending ranks by the current
 * trending score; For You blends the reader's interests, trending and freshness (0.5 /
 * 0.3 / 0.2) over a bounded candidate set in one query, leaving out the reader's own and
 * shelved stories and those they are not interested in, and falls back to Trending for
 * readers with fewer than 3 interests.
 */
@Service
class DiscoveryService {

	static final int MIN_INTERESTS = 3;

	private static final int TRENDING_DEPTH = 500;

	/** How many of the reader's interests For You weighs, strongest first. */
	private static final int INTEREST_LIMIT = 200;

	/** For You candidates: this many of the reader's top tags and authors... */
	private static final int TOP_TAGS = 10;

	private static final int TOP_AUTHORS = 10;

	/** ...this many stories of each... */
	private static final int STORIES_PER_TAG = 15;

	private static final int STORIES_PER_AUTHOR = 5;

	/** ...and the trending top and the newest. */
	private static final int TRENDING_CANDIDATES = 40;

	private static final int NEWEST_CANDIDATES = 25;

	private static final String VISIBLE = "s.published and s.published_at <= %s and s.deleted_at is null and s.hidden_at is null";

	private final JdbcClient jdbc;

	private final StoryService stories;

	private final BlockedUsers blockedUsers;

	private final CursorCodec cursors;

	private final DiscoveryProperties properties;

	private final Cache trendingCache;

	private final Cache forYouCache;

	private final Clock clock;

	DiscoveryService(JdbcClient jdbc, StoryService stories, BlockedUsers blockedUsers, CursorCodec cursors,
			DiscoveryProperties properties, CacheManager caches, Clock clock) {
		this.jdbc = jdbc;
		this.stories = stories;
		this.blockedUsers = blockedUsers;
		this.cursors = cursors;
		this.properties = properties;
		this.trendingCache = caches.getCache(CacheNames.TRENDING);
		this.forYouCache = caches.getCache(CacheNames.FOR_YOU);
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	CursorPage<DiscoverItem> newest(@Nullable CurrentUser viewer, PageParams page) {
		return this.stories.latest(viewer, page).map((story) -> new DiscoverItem(story, null));
	}

	@Transactional(readOnly = true)
	CursorPage<DiscoverItem> trending(@Nullable CurrentUser viewer, PageParams page) {
		Ranked ranked = this.trendingCache.get("top", this::rankTrending);
		return page(viewer, ranked, "discover.trending", page);
	}

	@Transactional(readOnly = true)
	CursorPage<DiscoverItem> forYou(@Nullable CurrentUser viewer, PageParams page) {
		if (viewer == null) {
			throw new ApiException(ErrorCode.UNAUTHENTICATED, "For You needs a signed-in reader");
		}
		Ranked ranked = this.forYouCache.get(viewer.id(), Ranked.class);
		if (ranked == null) {
			ranked = rankForYou(viewer.id(), this.clock.instant());
			if (ranked == null) {
				// a cold start is not cached: the reader's first signals should show at
				// once
				return trending(viewer, page);
			}
			this.forYouCache.put(viewer.id(), ranked);
		}
		if (page.cursor() != null) {
			Instant at = Instant.parse(position(page.cursor(), "discover.for_you").get(0));
			if (!at.equals(ranked.at())) {
				// the cached ranking was replaced since the first page: continue the one
				// the cursor came from
				ranked = rankForYou(viewer.id(), at);
				if (ranked == null) {
					return new CursorPage<>(List.of(), null);
				}
			}
		}
		return page(viewer, ranked, "discover.for_you", page);
	}

	@Transactional
	void notInterested(CurrentUser viewer, UUID storyId) {
		if (!this.stories.isVisible(storyId)) {
			throw ApiException.notFound("Story");
		}
		int added = this.jdbc
			.sql("insert into not_interested (user_id, story_id) values (:user, :story) on conflict do nothing")
			.param("user", viewer.id())
			.param("story", storyId)
			.update();
		if (added > 0) {
			this.jdbc.sql("""
					update user_interests set score = score * 0.5, updated_at = now()
					where user_id = :user and tag_id in (select tag_id from story_tags where story_id = :story)""")
				.param("user", viewer.id())
				.param("story", storyId)
				.update();
		}
		this.forYouCache.evict(viewer.id());
	}

	private Ranked rankTrending() {
		Instant now = this.clock.instant();
		List<Ranked.Entry> entries = this.jdbc.sql("""
				select t.story_id, s.author_id, t.score from story_trending t join stories s on s.id = t.story_id
				where %s order by t.score desc, t.story_id desc limit :depth""".formatted(VISIBLE.formatted("now()")))
			.param("depth", TRENDING_DEPTH)
			.query((rs, n) -> new Ranked.Entry(rs.getObject("story_id", UUID.class),
					rs.getObject("author_id", UUID.class), rs.getDouble("score"), DiscoverItem.Reason.TRENDING))
			.list();
		return new Ranked(now, entries);
	}

	/**
	 * Ranks For You in one statement over a bounded candidate set: stories of the
	 * reader's strongest tags and authors, the trending top and the newest. Each
	 * candidate costs a few primary-key lookups (the story, its tags, its trending
	 * score), written as lateral subqueries so the planner cannot trade them for full
	 * scans on small tables; the reader's interests are bound as arrays, so the plan does
	 * not depend on them and PostgreSQL can keep one generic plan for everybody.
	 * @param userId the reader
	 * @param at the moment to rank at
	 * @return the ranking, or {@code null} for a cold start (fewer than
	 * {@value #MIN_INTERESTS} interests)
	 */
	@Nullable Ranked rankForYou(UUID userId, Instant at) {
		Interests interests = interestsOf(userId);
		if (interests.size() < MIN_INTERESTS) {
			return null;
		}
		List<Ranked.Entry> entries = this.jdbc
			.sql("""
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
					    cross join lateral (select s.id, s.author_id, s.published_at from stories s
					                        where s.id = c.id and %1$s and s.author_id <> :user and s.author_id <> all(cast(:hidden as uuid[]))
					                        limit 1) s
					    where s.id not in (select story_id from excluded)),
					scored as (
					    select e.id, e.author_id, e.published_at, tm.interest, tm.best as tag_score, tm.best_tag, tr.score as trending,
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
					select r.id, r.author_id, r.score, r.author_score, r.tag_score, u.handle as author_handle, t.name as top_tag
					from ranked r left join user_profiles u on u.id = r.author_id left join tags t on t.id = r.best_tag
					order by r.score desc, r.id desc"""
				.formatted(VISIBLE.formatted("cast(:at as timestamptz)"), STORIES_PER_TAG, STORIES_PER_AUTHOR,
						TRENDING_CANDIDATES, NEWEST_CANDIDATES))
			.param("user", userId)
			.param("at", Timestamp.from(at))
			.param("depth", this.properties.forYouDepth())
			.param("tags", interests.tags().ids())
			.param("tagScores", interests.tags().scores())
			.param("topTags", interests.tags().top(TOP_TAGS))
			.param("authors", interests.authors().ids())
			.param("authorScores", interests.authors().scores())
			.param("topAuthors", interests.authors().top(TOP_AUTHORS))
			.param("hidden", this.blockedUsers.eitherWay(userId).toArray(UUID[]::new))
			.query((rs, n) -> {
				double tagScore = rs.getDouble("tag_score");
				boolean hasTag = !rs.wasNull();
				double authorScore = rs.getDouble("author_score");
				boolean hasAuthor = !rs.wasNull();
				DiscoverItem.Reason reason = (hasTag && (!hasAuthor || tagScore >= authorScore))
						? new DiscoverItem.Reason("TAG", rs.getString("top_tag"))
						: hasAuthor ? new DiscoverItem.Reason("AUTHOR", rs.getString("author_handle"))
								: DiscoverItem.Reason.TRENDING;
				return new Ranked.Entry(rs.getObject("id", UUID.class), rs.getObject("author_id", UUID.class),
						rs.getDouble("score"), reason);
			})
			.list();
		return new Ranked(at, entries);
	}

	/**
	 * The reader's strongest interests, tags and authors apart, best first.
	 */
	private Interests interestsOf(UUID userId) {
		var tags = new Interests.Builder();
		var authors = new Interests.Builder();
		this.jdbc.sql("""
				select tag_id, author_id, score from user_interests where user_id = :user
				order by score desc limit :limit""")
			.param("user", userId)
			.param("limit", INTEREST_LIMIT)
			.query((rs) -> {
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
	 * A page of a ranking after the cursor's (score, id), with the stories' current
	 * views; stories that became invisible or whose author the viewer blocked since are
	 * left out.
	 */
	private CursorPage<DiscoverItem> page(@Nullable CurrentUser viewer, Ranked ranked, String list, PageParams page) {
		Comparator<Ranked.Entry> order = Comparator.comparingDouble(Ranked.Entry::score)
			.reversed()
			.thenComparing(Ranked.Entry::storyId, Comparator.reverseOrder());
		List<Ranked.Entry> after = ranked.entries();
		if (page.cursor() != null) {
			List<String> position = position(page.cursor(), list);
			Ranked.Entry last = new Ranked.Entry(UUID.fromString(position.get(2)), new UUID(0, 0),
					Double.parseDouble(position.get(1)), null);
			after = after.stream().filter((entry) -> order.compare(entry, last) > 0).toList();
		}
		Set<UUID> hidden = this.blockedUsers.eitherWay((viewer != null) ? viewer.id() : null);
		List<Ranked.Entry> rows = after.stream()
			.filter((entry) -> !hidden.contains(entry.authorId()))
			.limit(page.fetchSize())
			.toList();
		CursorPage<Ranked.Entry> slice = CursorPage.of(rows, page, (entry) -> this.cursors.encode(list,
				List.of(ranked.at().toString(), Double.toString(entry.score()), entry.storyId().toString())));
		Map<UUID, StoryView> views = this.stories
			.visibleStories(slice.data().stream().map(Ranked.Entry::storyId).toList());
		return new CursorPage<>(slice.data()
			.stream()
			.filter((entry) -> views.containsKey(entry.storyId()))
			.map((entry) -> new DiscoverItem(views.get(entry.storyId()), entry.reason()))
			.toList(), slice.nextCursor());
	}

	private List<String> position(String cursor, String list) {
		List<String> position = this.cursors.decode(list, cursor);
		if (position.size() != 3) {
			throw new InvalidCursor();
		}
		return position;
	}

}
