package com.muejam.search;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.cache.CacheNames;
import com.muejam.core.error.ApiException;
import com.muejam.core.pagination.CursorCodec;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;
import com.muejam.core.visibility.BlockedUsers;
import com.muejam.core.visibility.ReaderPreferences;
import com.muejam.library.FinishedStories;
import com.muejam.search.SearchQueries.Hit;
import com.muejam.search.SearchQueries.Position;
import com.muejam.search.StorySearchQueries.StoryPosition;
import com.muejam.search.SearchQueries.TagRow;
import com.muejam.stories.StoryService;
import com.muejam.stories.StoryView;
import com.muejam.users.ProfileService;
import com.muejam.users.ProfileView;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Full-text search (English stemming, accents folded; stories whose title matches first,
 * then the other matches, each newest first) and suggestions from trigram indexes.
 * Results never include deleted, unpublished or hidden stories, deleted users, or anyone
 * in a block relation with the caller. User input is always a bound parameter.
 */
@Service
class SearchService {

	static final int MAX_QUERY = 200;

	static final int SUGGESTIONS = 5;

	private final SearchQueries queries;

	private final StorySearchQueries storyQueries;

	private final StoryService stories;

	private final ProfileService profiles;

	private final BlockedUsers blockedUsers;

	private final CursorCodec cursors;

	private final Cache suggestions;

	private final Cache firstPages;

	private final TransactionTemplate readOnly;

	private final FinishedStories finishedStories;

	SearchService(SearchQueries queries, StorySearchQueries storyQueries, StoryService stories, ProfileService profiles,
			BlockedUsers blockedUsers, CursorCodec cursors, CacheManager caches, FinishedStories finishedStories,
			PlatformTransactionManager transactions) {
		this.finishedStories = finishedStories;
		this.queries = queries;
		this.storyQueries = storyQueries;
		this.stories = stories;
		this.profiles = profiles;
		this.blockedUsers = blockedUsers;
		this.cursors = cursors;
		this.suggestions = caches.getCache(CacheNames.SUGGESTIONS);
		this.firstPages = caches.getCache(CacheNames.SEARCH);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * A page of stories. An anonymous first page is the same for everyone: its hits are
	 * shared for a moment (the {@code search} cache) and its stories read afresh. Any
	 * other page is searched for its caller, in a read-only transaction that plans for
	 * its values; the stories are read after it.
	 */
	CursorPage<StoryView> stories(@Nullable CurrentUser viewer, String query, PageParams page,
			@Nullable Boolean hideRead) {
		String q = clean(query);
		String list = "search.stories:" + q;
		StoryPosition after = this.cursors.after(list, page, StoryPosition::of);
		List<StoryPosition> hits = (viewer == null && after == null) ? sharedFirstPage(q, page.fetchSize())
				: storyHits(viewer, q, after, page.fetchSize(), hideRead);
		CursorPage<StoryPosition> slice = CursorPage.of(hits, page, (hit) -> this.cursors.encode(list, hit.values()));
		Map<UUID, StoryView> views = this.stories.visibleStories(slice.data().stream().map(StoryPosition::id).toList());
		return new CursorPage<>(
				slice.data().stream().map(StoryPosition::id).filter(views::containsKey).map(views::get).toList(),
				slice.nextCursor());
	}

	// get and put rather than get(key, loader), whose failures come back wrapped in a
	// ValueRetrievalException instead of reaching the error handlers as themselves
	private List<StoryPosition> sharedFirstPage(String q, int limit) {
		String key = limit + ":" + q;
		SharedStoryHits shared = this.firstPages.get(key, SharedStoryHits.class);
		if (shared == null) {
			shared = new SharedStoryHits(storyHits(null, q, null, limit, null));
			this.firstPages.put(key, shared);
		}
		return shared.hits();
	}

	private List<StoryPosition> storyHits(@Nullable CurrentUser viewer, String q, @Nullable StoryPosition after,
			int limit, @Nullable Boolean hideRead) {
		return this.readOnly.execute((status) -> {
			Set<UUID> hidden = this.blockedUsers.mutedOrBlocked((viewer != null) ? viewer.id() : null);
			this.queries.planForEachQuery();
			Set<UUID> finished = (viewer != null && viewer.preferences().hidesRead(hideRead))
					? this.finishedStories.of(viewer.id()) : Set.of();
			return this.storyQueries.storyHits(q, hidden, CurrentUser.preferencesOf(viewer), finished, after, limit);
		});
	}

	@Transactional(readOnly = true)
	CursorPage<ProfileView> users(@Nullable CurrentUser viewer, String query, PageParams page) {
		String q = clean(query).toLowerCase(Locale.ROOT);
		Set<UUID> hidden = hidden(viewer);
		Position after = position("search.users:" + q, page);
		this.queries.planForEachQuery();
		List<Hit> hits = this.queries.userHits(q, "%" + likeEscape(q) + "%", hidden, after, page.fetchSize());
		CursorPage<Hit> slice = CursorPage.of(hits, page, (hit) -> encode("search.users:" + q, hit));
		Map<UUID, ProfileView> views = this.profiles.publicProfiles(slice.data().stream().map(Hit::id).toList());
		return new CursorPage<>(slice.data().stream().map(Hit::id).filter(views::containsKey).map(views::get).toList(),
				slice.nextCursor());
	}

	@Transactional(readOnly = true)
	CursorPage<TagHit> tags(String query, PageParams page) {
		String q = clean(query).toLowerCase(Locale.ROOT);
		Position after = position("search.tags:" + q, page);
		this.queries.planForEachQuery();
		List<TagRow> rows = this.queries.tagHits(q, "%" + likeEscape(q) + "%", after, page.fetchSize());
		return CursorPage.of(rows, page, (row) -> encode("search.tags:" + q, row.hit())).map(TagRow::tag);
	}

	/**
	 * Type-ahead: up to five stories, users and tags whose title, handle, name or display
	 * name starts with (or contains a word starting with) what was typed.
	 * @param viewer the caller, or {@code null}
	 * @param query one or more characters
	 * @return the suggestions
	 */
	Suggestions suggest(@Nullable CurrentUser viewer, String query) {
		String q = clean(query).toLowerCase(Locale.ROOT);
		Suggestions all = this.suggestions.get(q, () -> computeSuggestions(q));
		Set<UUID> hidden = hidden(viewer);
		Set<UUID> mutedOrBlocked = this.blockedUsers.mutedOrBlocked((viewer != null) ? viewer.id() : null);
		ReaderPreferences preferences = CurrentUser.preferencesOf(viewer);
		return new Suggestions(all.stories()
			.stream()
			.filter((s) -> !mutedOrBlocked.contains(s.authorId()) && preferences.admits(s.rating(), s.tagSlugs()))
			.toList(), all.users().stream().filter((u) -> !hidden.contains(u.id())).toList(), all.tags())
			.limited(SUGGESTIONS);
	}

	/**
	 * Suggestions for everyone, in a read-only transaction that plans for its values:
	 * only on a miss, so that a cached type-ahead takes no pooled connection.
	 */
	private Suggestions computeSuggestions(String q) {
		String prefix = likeEscape(q) + "%";
		String word = "% " + likeEscape(q) + "%";
		return Objects.requireNonNull(this.readOnly.execute((status) -> {
			this.queries.planForEachQuery();
			// a few more than shown, so that leaving out blocked users still fills it
			return new Suggestions(this.queries.storySuggestions(prefix, word, SUGGESTIONS * 3),
					this.queries.userSuggestions(prefix, word, SUGGESTIONS * 3),
					this.queries.tagSuggestions(prefix, word, SUGGESTIONS));
		}));
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
		return this.cursors.after(list, page, Position::of);
	}

	private String encode(String list, Hit hit) {
		return this.cursors.encode(list,
				List.of(Double.toString(hit.rank()), Long.toString(hit.recency()), hit.id().toString()));
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
