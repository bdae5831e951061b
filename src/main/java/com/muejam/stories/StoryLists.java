package com.muejam.stories;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.cache.CacheEvictions;
import com.muejam.core.cache.CacheNames;
import com.muejam.core.pagination.CursorCodec;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.Keyset;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;
import com.muejam.core.visibility.BlockedUsers;
import com.muejam.core.visibility.ReaderPreferences;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Service;

/**
 * Pages of stories: the public list (its first page as anyone signed out sees it is
 * shared, and cached), the author's own list and the popular tags.
 */
@Service
class StoryLists {

	/** The shared first page's key in its cache; {@link StoryCatalog#evict} drops it. */
	static final String FRONT_PAGE_KEY = "newest";

	private static final String PUBLIC_LIST = "stories.public";

	private static final String OWN_LIST = "stories.own";

	private static final String TAG_LIST = "tags.popular";

	/** A default page and one more, which tells whether there is a next page. */
	private static final int FRONT_PAGE_SIZE = PageParams.DEFAULT_PAGE_SIZE + 1;

	private final StoryQueries queries;

	private final TagStore tags;

	private final StoryCatalog catalog;

	private final CursorCodec cursors;

	private final Cache frontPageCache;

	private final BlockedUsers blockedUsers;

	StoryLists(StoryQueries queries, TagStore tags, StoryCatalog catalog, CursorCodec cursors, CacheManager caches,
			BlockedUsers blockedUsers) {
		this.queries = queries;
		this.tags = tags;
		this.catalog = catalog;
		this.cursors = cursors;
		this.frontPageCache = caches.getCache(CacheNames.FRONT_PAGE);
		this.blockedUsers = blockedUsers;
	}

	/**
	 * A page of published stories, newest first, in one statement (with the in-process
	 * cache, its positions, and one more for the stories the cache lacks), without what
	 * the viewer asked not to see: stories rated above their limit, with a muted tag
	 * (unless it is the tag asked for) or by a muted author (unless it is the author
	 * asked for). The first page of all of them, as anyone signed out sees it, is shared
	 * ({@link #frontPage()}).
	 */
	CursorPage<StoryView> published(@Nullable CurrentUser viewer, @Nullable String authorHandle,
			@Nullable String tagSlug, WordRange words, Set<UUID> leftOut, PageParams page) {
		Keyset after = Keyset.after(this.cursors, PUBLIC_LIST, page);
		if (viewer == null && after == null && authorHandle == null && tagSlug == null && words.equals(WordRange.ANY)
				&& leftOut.isEmpty() && page.fetchSize() <= FRONT_PAGE_SIZE) {
			List<StoryView> newest = frontPage();
			return CursorPage.of(newest.subList(0, Math.min(page.fetchSize(), newest.size())), page,
					(story) -> cursorOf(new Keyset(story.publishedAt(), story.id())));
		}
		// anonymous readers have no blocks: no call, so no transaction around an empty
		// answer
		Set<UUID> hidden = (viewer == null) ? Set.of() : (authorHandle != null)
				? this.blockedUsers.eitherWay(viewer.id()) : this.blockedUsers.mutedOrBlocked(viewer.id());
		String tag = (tagSlug != null) ? Slugs.of(tagSlug, 50) : null;
		ReaderPreferences preferences = CurrentUser.preferencesOf(viewer);
		if (tag != null) {
			preferences = preferences.showing(tag);
		}
		PublicSelection selection = new PublicSelection(authorHandle, tag, hidden, leftOut, preferences, words);
		if (this.catalog.keepsViews()) {
			// the page's positions from the story rows alone, then its stories from the
			// cache (and the ones it does not hold in one more statement)
			CursorPage<Keyset> positions = CursorPage
				.of(this.queries.publicPositions(selection, after, page.fetchSize()), page, this::cursorOf);
			Map<UUID, StoryView> stories = this.catalog
				.visibleStories(positions.data().stream().map(Keyset::id).toList());
			return positions.mapPresent((position) -> stories.get(position.id()));
		}
		List<StoryView> stories = this.queries.publicPage(selection, after, page.fetchSize(),
				this.catalog.readerViews());
		return CursorPage.of(stories, page, (story) -> cursorOf(new Keyset(story.publishedAt(), story.id())));
	}

	private String cursorOf(Keyset position) {
		return position.encode(this.cursors, PUBLIC_LIST);
	}

	/**
	 * The newest stories as anyone signed out sees them first: from the cache, or in one
	 * statement. Every write to a published story evicts it ({@link StoryCatalog#evict}).
	 */
	private List<StoryView> frontPage() {
		FrontPage cached = this.frontPageCache.get(FRONT_PAGE_KEY, FrontPage.class);
		if (cached != null) {
			return cached.stories();
		}
		long mark = CacheEvictions.mark(this.frontPageCache);
		List<StoryView> newest = this.queries.publicPage(PublicSelection.ALL, null, FRONT_PAGE_SIZE,
				this.catalog.readerViews());
		CacheEvictions.putUnlessEvicted(this.frontPageCache, FRONT_PAGE_KEY, new FrontPage(newest), mark);
		return newest;
	}

	/**
	 * A page of the author's own stories, drafts included, in one statement.
	 */
	CursorPage<StoryView> own(CurrentUser author, PageParams page) {
		Keyset after = Keyset.after(this.cursors, OWN_LIST, page);
		List<StoryRow> rows = this.queries.ownPage(author.id(), after, page.fetchSize());
		return CursorPage.of(rows, page, (row) -> new Keyset(row.createdAt(), row.id()).encode(this.cursors, OWN_LIST))
			.map(this.catalog::view);
	}

	CursorPage<PopularTagView> popularTags(PageParams page) {
		TagStore.TagPosition after = this.cursors.after(TAG_LIST, page, TagStore.TagPosition::of);
		List<TagStore.PopularTagRow> rows = this.tags.popularTags(after, page.fetchSize());
		return CursorPage
			.of(rows, page,
					(row) -> this.cursors.encode(TAG_LIST,
							List.of(Integer.toString(row.view().storyCount()), row.id().toString())))
			.map(TagStore.PopularTagRow::view);
	}

}
