package com.muejam.search;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.cache.CacheNames;
import com.muejam.core.error.ApiException;
import com.muejam.core.pagination.CursorCodec;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.InvalidCursor;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;
import com.muejam.core.visibility.BlockedUsers;
import com.muejam.stories.StoryService;
import com.muejam.stories.StoryView;
import com.muejam.users.ProfileService;
import com.muejam.users.ProfileView;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full-text search (English stemming, accents folded, title above blurb above tags) and
 * suggestions from trigram indexes. Results never include deleted, unpublished or hidden
 * stories, deleted users, or anyone in a block relation with the caller. User input is
 * always a bound parameter.
 */
@Service
class SearchService {

	static final int MAX_QUERY = 200;

	static final int SUGGESTIONS = 5;

	private static final String STORY_VISIBLE = "s.published and s.published_at <= now() and s.deleted_at is null and s.hidden_at is null";

	private final JdbcClient jdbc;

	private final StoryService stories;

	private final ProfileService profiles;

	private final BlockedUsers blockedUsers;

	private final CursorCodec cursors;

	private final Cache suggestions;

	SearchService(JdbcClient jdbc, StoryService stories, ProfileService profiles, BlockedUsers blockedUsers,
			CursorCodec cursors, CacheManager caches) {
		this.jdbc = jdbc;
		this.stories = stories;
		this.profiles = profiles;
		this.blockedUsers = blockedUsers;
		this.cursors = cursors;
		this.suggestions = caches.getCache(CacheNames.SUGGESTIONS);
	}

	@Transactional(readOnly = true)
	CursorPage<StoryView> stories(@Nullable CurrentUser viewer, String query, PageParams page) {
		String q = clean(query);
		Set<UUID> hidden = hidden(viewer);
		Position after = position("search.stories:" + q, page);
		List<Hit> hits = this.jdbc
			.sql("""
					select id, rank, recency from (
					    select s.id, ts_rank_cd(s.search_vector, q)::float8 as rank,
					           (extract(epoch from s.published_at) * 1000000)::bigint as recency
					    from stories s, websearch_to_tsquery('english', muejam_unaccent(:q)) q
					    where s.search_vector @@ q and %s %s) hit
					%s
					order by rank desc, recency desc, id desc limit :limit""".formatted(STORY_VISIBLE,
					hidden.isEmpty() ? "" : "and s.author_id <> all(:hidden)", after(after)))
			.param("q", q)
			.param("limit", page.fetchSize())
			.params(params(hidden, after))
			.query((rs, n) -> new Hit(rs.getObject("id", UUID.class), rs.getDouble("rank"), rs.getLong("recency")))
			.list();
		CursorPage<Hit> slice = CursorPage.of(hits, page, (hit) -> encode("search.stories:" + q, hit));
		Map<UUID, StoryView> views = this.stories.visibleStories(slice.data().stream().map(Hit::id).toList());
		return new CursorPage<>(slice.data().stream().map(Hit::id).filter(views::containsKey).map(views::get).toList(),
				slice.nextCursor());
	}

	@Transactional(readOnly = true)
	CursorPage<ProfileView> users(@Nullable CurrentUser viewer, String query, PageParams page) {
		String q = clean(query).toLowerCase(Locale.ROOT);
		Set<UUID> hidden = hidden(viewer);
		Position after = position("search.users:" + q, page);
		List<Hit> hits = this.jdbc
			.sql("""
					select id, rank, recency from (
					    select u.id, greatest(similarity(lower(u.handle), :q),
					                          similarity(lower(muejam_unaccent(u.display_name)), muejam_unaccent(:q)))::float8 as rank,
					           (extract(epoch from u.created_at) * 1000000)::bigint as recency
					    from user_profiles u
					    where u.deleted_at is null
					      and (lower(u.handle) like :contains or lower(muejam_unaccent(u.display_name)) like muejam_unaccent(:contains)
					           or lower(u.handle) %% :q or lower(muejam_unaccent(u.display_name)) %% muejam_unaccent(:q))
					      %s) hit
					%s
					order by rank desc, recency desc, id desc limit :limit"""
				.formatted(hidden.isEmpty() ? "" : "and u.id <> all(:hidden)", after(after)))
			.param("q", q)
			.param("contains", "%" + likeEscape(q) + "%")
			.param("limit", page.fetchSize())
			.params(params(hidden, after))
			.query((rs, n) -> new Hit(rs.getObject("id", UUID.class), rs.getDouble("rank"), rs.getLong("recency")))
			.list();
		CursorPage<Hit> slice = CursorPage.of(hits, page, (hit) -> encode("search.users:" + q, hit));
		Map<UUID, ProfileView> views = this.profiles.publicProfiles(slice.data().stream().map(Hit::id).toList());
		return new CursorPage<>(slice.data().stream().map(Hit::id).filter(views::containsKey).map(views::get).toList(),
				slice.nextCursor());
	}

	@Transactional(readOnly = true)
	CursorPage<TagHit> tags(String query, PageParams page) {
		String q = clean(query).toLowerCase(Locale.ROOT);
		Position after = position("search.tags:" + q, page);
		List<TagRow> rows = this.jdbc.sql("""
				select id, name, slug, recency as story_count, rank, recency from (
				    select t.id, t.name, t.slug, t.story_count::bigint as recency,
				           similarity(lower(muejam_unaccent(t.name)), muejam_unaccent(:q))::float8 as rank
				    from tags t
				    where (lower(muejam_unaccent(t.name)) like muejam_unaccent(:contains)
				           or lower(muejam_unaccent(t.name)) %% muejam_unaccent(:q))
				      and exists (select 1 from story_tags st join stories s on s.id = st.story_id
				                  where st.tag_id = t.id and %s)) hit
				%s
				order by rank desc, recency desc, id desc limit :limit""".formatted(STORY_VISIBLE, after(after)))
			.param("q", q)
			.param("contains", "%" + likeEscape(q) + "%")
			.param("limit", page.fetchSize())
			.params(params(Set.of(), after))
			.query((rs, n) -> new TagRow(
					new Hit(rs.getObject("id", UUID.class), rs.getDouble("rank"), rs.getInt("story_count")),
					new TagHit(rs.getString("name"), rs.getString("slug"), rs.getInt("story_count"))))
			.list();
		return CursorPage.of(rows, page, (row) -> encode("search.tags:" + q, row.hit())).map(TagRow::tag);
	}

	/**
	 * Type-ahead: up to five stories, users and tags whose title, handle, name or display
	 * name starts with (or contains a word starting with) what was typed.
	 * @param viewer the caller, or {@code null}
	 * @param query one or more characters
	 * @return the suggestions
	 */
	@Transactional(readOnly = true)
	Suggestions suggest(@Nullable CurrentUser viewer, String query) {
		String q = clean(query).toLowerCase(Locale.ROOT);
		Suggestions all = this.suggestions.get(q, () -> computeSuggestions(q));
		Set<UUID> hidden = hidden(viewer);
		return new Suggestions(all.stories().stream().filter((s) -> !hidden.contains(s.authorId())).toList(),
				all.users().stream().filter((u) -> !hidden.contains(u.id())).toList(), all.tags())
			.limited(SUGGESTIONS);
	}

	private Suggestions computeSuggestions(String q) {
		String prefix = likeEscape(q) + "%";
		String word = "% " + likeEscape(q) + "%";
		List<Suggestions.StorySuggestion> stories = this.jdbc.sql("""
				select s.id, s.slug, s.title, s.author_id from stories s
				where %s and (lower(muejam_unaccent(s.title)) like muejam_unaccent(:prefix)
				              or lower(muejam_unaccent(s.title)) like muejam_unaccent(:word))
				order by s.published_at desc limit :n""".formatted(STORY_VISIBLE))
			.param("prefix", prefix)
			.param("word", word)
			.param("n", SUGGESTIONS * 3)
			.query((rs, n) -> new Suggestions.StorySuggestion(rs.getObject("id", UUID.class), rs.getString("slug"),
					rs.getString("title"), rs.getObject("author_id", UUID.class)))
			.list();
		List<Suggestions.UserSuggestion> users = this.jdbc.sql("""
				select u.id, u.handle, u.display_name from user_profiles u
				where u.deleted_at is null and (lower(u.handle) like :prefix
				      or lower(muejam_unaccent(u.display_name)) like muejam_unaccent(:prefix)
				      or lower(muejam_unaccent(u.display_name)) like muejam_unaccent(:word))
				order by u.follower_count desc, u.id limit :n""")
			.param("prefix", prefix)
			.param("word", word)
			.param("n", SUGGESTIONS * 3)
			.query((rs, n) -> new Suggestions.UserSuggestion(rs.getObject("id", UUID.class), rs.getString("handle"),
					rs.getString("display_name")))
			.list();
		List<TagHit> tags = this.jdbc.sql("""
				select t.name, t.slug, t.story_count from tags t
				where t.story_count > 0 and (lower(muejam_unaccent(t.name)) like muejam_unaccent(:prefix)
				                             or lower(muejam_unaccent(t.name)) like muejam_unaccent(:word))
				order by t.story_count desc, t.id limit :n""")
			.param("prefix", prefix)
			.param("word", word)
			.param("n", SUGGESTIONS)
			.query((rs, n) -> new TagHit(rs.getString("name"), rs.getString("slug"), rs.getInt("story_count")))
			.list();
		// a few more than shown, so that leaving out blocked users still fills the list
		return new Suggestions(stories, users, tags);
	}

	private Set<UUID> hidden(@Nullable CurrentUser viewer) {
		return this.blockedUsers.eitherWay((viewer != null) ? viewer.id() : null);
	}

	private static String clean(String query) {
		String q = (query != null) ? query.strip() : "";
		if (q.isEmpty()) {
			throw ApiException.invalidField("q", "must not be empty");
		}
		if (q.length() > MAX_QUERY) {
			throw ApiException.invalidField("q", "must be at most " + MAX_QUERY + " characters");
		}
		return q;
	}

	private static String likeEscape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private @Nullable Position position(String list, PageParams page) {
		if (page.cursor() == null) {
			return null;
		}
		List<String> values = this.cursors.decode(list, page.cursor());
		try {
			return new Position(Double.parseDouble(values.get(0)), Long.parseLong(values.get(1)),
					UUID.fromString(values.get(2)));
		}
		catch (RuntimeException ex) {
			throw new InvalidCursor();
		}
	}

	private String encode(String list, Hit hit) {
		return this.cursors.encode(list,
				List.of(Double.toString(hit.rank()), Long.toString(hit.recency()), hit.id().toString()));
	}

	/**
	 * The keyset condition over the hit's (rank, recency, id), all exact types (float8,
	 * bigint microseconds, uuid) so that a cursor compares equal to the row it came from.
	 */
	private static String after(@Nullable Position after) {
		return (after != null) ? "where (rank, recency, id) < (:rank, :recency, :id)" : "";
	}

	private static Map<String, Object> params(Set<UUID> hidden, @Nullable Position after) {
		Map<String, Object> params = new java.util.HashMap<>();
		if (!hidden.isEmpty()) {
			params.put("hidden", hidden.toArray(UUID[]::new));
		}
		if (after != null) {
			params.put("rank", after.rank());
			params.put("recency", after.recency());
			params.put("id", after.id());
		}
		return params;
	}

	private record Hit(UUID id, double rank, long recency) {
	}

	private record Position(double rank, long recency, UUID id) {
	}

	private record TagRow(Hit hit, TagHit tag) {
	}

	/**
	 * A tag in search results.
	 *
	 * @param name the tag's name
	 * @param slug its slug
	 * @param storyCount published stories with it
	 */
	record TagHit(String name, String slug, int storyCount) {
	}

}
