package com.muejam.stories;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.muejam.core.cache.CacheEvictions;
import com.muejam.core.cache.CacheNames;
import com.muejam.core.cache.Caches;
import com.muejam.core.security.CurrentUser;
import com.muejam.core.visibility.BlockedUsers;
import com.muejam.core.visibility.Rating;
import com.muejam.uploads.UploadService;
import com.muejam.users.UserSummary;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * The read side of stories: a story by slug or id and pages of stories by id (cached for
 * readers), and the mapping of rows to what the API shows. Writers evict what they
 * change, the shared first page of {@link StoryLists} included.
 */
@Service
class StoryCatalog {

	private static final Pattern UUID_SHAPE = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final StoryQueries queries;

	private final UploadService uploads;

	private final Cache storyCache;

	private final Cache frontPageCache;

	private final ChapterCache chapterCache;

	private final BlockedUsers blockedUsers;

	private final Clock clock;

	StoryCatalog(StoryQueries queries, UploadService uploads, CacheManager caches, ChapterCache chapterCache,
			BlockedUsers blockedUsers, Clock clock) {
		this.queries = queries;
		this.uploads = uploads;
		this.storyCache = caches.getCache(CacheNames.STORIES);
		this.frontPageCache = caches.getCache(CacheNames.FRONT_PAGE);
		this.chapterCache = chapterCache;
		this.blockedUsers = blockedUsers;
		this.clock = clock;
	}

	/**
	 * A story by slug or id, for a reader (published stories) or its author (drafts too):
	 * from the cache, or in one statement without a transaction. Readers' views are
	 * cached under the key asked for.
	 * @param viewer the caller, or {@code null}
	 * @param slugOrId the slug, or the story's id
	 * @return the story
	 */
	StoryView bySlugOrId(@Nullable CurrentUser viewer, String slugOrId) {
		StoryView cached = this.storyCache.get(slugOrId, StoryView.class);
		if (cached != null && (viewer == null || !cached.author().id().equals(viewer.id()))) {
			return visibleTo(viewer, cached);
		}
		UUID id = UUID_SHAPE.matcher(slugOrId).matches() ? UUID.fromString(slugOrId) : null;
		long mark = CacheEvictions.mark(this.storyCache);
		StoryRow row = this.queries.byKey(slugOrId, id, (viewer != null) ? viewer.id() : null, this.clock.instant())
			.orElseThrow(() -> new StoryNotFound("Story"));
		StoryView view = view(row);
		if (viewer == null || !row.authorId().equals(viewer.id())) {
			CacheEvictions.putUnlessEvicted(this.storyCache, slugOrId, view, mark);
			return visibleTo(viewer, view);
		}
		return view;
	}

	/**
	 * The stories among these ids that readers can see, as the API shows them. With a
	 * cache in this process, those it holds (under their ids, as a read by id keeps them)
	 * come from there, and the others from one statement, which are then cached
	 * ({@link #readerViews}); with Redis, all of them from the statement.
	 * @param ids the stories
	 * @return the visible ones by id
	 */
	Map<UUID, StoryView> visibleStories(Collection<UUID> ids) {
		Map<UUID, StoryView> result = new HashMap<>();
		List<UUID> missing = new ArrayList<>();
		boolean inProcess = keepsViews();
		for (UUID id : ids) {
			StoryView cached = inProcess ? this.storyCache.get(id.toString(), StoryView.class) : null;
			if (cached != null) {
				result.put(id, cached);
			}
			else {
				missing.add(id);
			}
		}
		if (!missing.isEmpty()) {
			this.queries.visibleByIds(missing, readerViews()).forEach((view) -> result.put(view.id(), view));
		}
		return result;
	}

	/**
	 * Whether this process keeps readers' views of stories (an in-process cache that
	 * holds entries): a page can then read its stories' ids alone and take the stories
	 * from the cache ({@link #visibleStories}).
	 * @return whether views are kept here
	 */
	boolean keepsViews() {
		return Caches.keepsInProcess(this.storyCache);
	}

	/**
	 * Reads the stories of one statement that selects them as readers see them
	 * ({@link StoryRow#COLUMNS} with the readers' chapter count): with a cache in this
	 * process, a story it holds under its id is taken from there instead of being read
	 * from its row, so the pages that show it share one instance (and the JSON written
	 * for it), and the others are cached as they are read. Make one for each statement,
	 * before it runs: a story changed after that is not cached from it.
	 * @return the mapper of the statement's rows
	 */
	RowMapper<StoryView> readerViews() {
		if (!keepsViews()) {
			return (rs, rowNumber) -> view(StoryRow.map(rs, rowNumber));
		}
		long mark = CacheEvictions.mark(this.storyCache);
		return (rs, rowNumber) -> {
			String key = rs.getObject("id", UUID.class).toString();
			StoryView cached = this.storyCache.get(key, StoryView.class);
			if (cached != null) {
				return cached;
			}
			StoryView view = view(StoryRow.map(rs, rowNumber));
			CacheEvictions.putUnlessEvicted(this.storyCache, key, view, mark);
			return view;
		};
	}

	/**
	 * A story as its author sees it, read back in one statement (within the caller's
	 * transaction, after a change).
	 * @param story the story
	 * @return the view
	 */
	StoryView authorView(Story story) {
		return this.queries.byKey(story.slug(), story.id(), story.authorId(), this.clock.instant())
			.map(this::view)
			.orElseThrow(() -> new StoryNotFound("Story"));
	}

	/**
	 * Drops a changed story from the cache, and the shared first page if the story was
	 * ever published; within a transaction, again once it commits
	 * ({@link CacheEvictions}).
	 * @param story the story as changed (cached under its id when read by id, and its
	 * slug)
	 * @param previousSlugs slugs it had before the change
	 */
	void evict(Story story, String... previousSlugs) {
		Object[] keys = new Object[previousSlugs.length + 2];
		keys[0] = story.id().toString();
		keys[1] = story.slug();
		System.arraycopy(previousSlugs, 0, keys, 2, previousSlugs.length);
		CacheEvictions.evict(this.storyCache, keys);
		if (story.isPublished()) {
			CacheEvictions.evict(this.frontPageCache, StoryLists.FRONT_PAGE_KEY);
		}
	}

	/**
	 * Drops a changed story with its cached chapters, which carry its rating and
	 * visibility, and whose neighbours' links change when a chapter comes or goes.
	 * @param story the story as changed
	 * @param previousSlugs slugs it had before the change
	 */
	void evictWithChapters(Story story, String... previousSlugs) {
		evict(story, previousSlugs);
		this.chapterCache.evictStory(story.id());
	}

	/**
	 * Drops every cached story, chapter and the shared first page: for the rare change
	 * that touches all of an author's stories (their account's leaving or return).
	 */
	void forgetAll() {
		CacheEvictions.clear(this.storyCache);
		CacheEvictions.evict(this.frontPageCache, StoryLists.FRONT_PAGE_KEY);
		this.chapterCache.clear();
	}

	private StoryView visibleTo(@Nullable CurrentUser viewer, StoryView story) {
		if (viewer != null && this.blockedUsers.eitherWay(viewer.id()).contains(story.author().id())) {
			throw new StoryNotFound("Story");
		}
		return isGatedFor(viewer, story.author().id(), story.rating()) ? story.gatedView() : story;
	}

	/**
	 * Whether a story is rated above what a reader chose to see (never for its author).
	 * @param viewer the caller, or {@code null}
	 * @param authorId the story's author
	 * @param rating its rating
	 * @return {@code true} if the reader sees only the gated view
	 */
	static boolean isGatedFor(@Nullable CurrentUser viewer, UUID authorId, Rating rating) {
		boolean author = viewer != null && viewer.id().equals(authorId);
		return !author && !CurrentUser.preferencesOf(viewer).maxRating().admits(rating);
	}

	StoryView view(StoryRow row) {
		UserSummary author = new UserSummary(row.authorId(), row.authorHandle(), row.authorDisplayName(),
				this.uploads.publicUrl(row.authorAvatarKey()));
		return new StoryView(row.id(), row.slug(), row.title(), row.blurb(), row.tags(),
				this.uploads.publicUrl(row.coverKey()), author, row.published(), row.publishedAt(), row.chapterCount(),
				row.createdAt(), row.updatedAt(), row.rating(), row.contentWarnings(), row.wordCount(),
				ReadingTime.minutes(row.wordCount()), false);
	}

}
