package com.muejam.stories;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.muejam.core.cache.CacheNames;
import com.muejam.core.pagination.CursorCodec;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.Keyset;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;
import com.muejam.core.visibility.BlockedUsers;
import com.muejam.stories.StoryView.TagView;
import com.muejam.uploads.UploadService;
import com.muejam.users.ProfileService;
import com.muejam.users.UserSummary;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of stories: a story by slug or id (cached for readers), the public and
 * the author's own lists, popular tags, and the mapping of rows to what the API shows.
 * Writers evict what they change.
 */
@Service
class StoryCatalog {

	private static final Pattern UUID_SHAPE = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final String PUBLIC_LIST = "stories.public";

	private static final String OWN_LIST = "stories.own";

	private static final String TAG_LIST = "tags.popular";

	private final StoryRepository stories;

	private final StoryQueries queries;

	private final ProfileService profiles;

	private final UploadService uploads;

	private final CursorCodec cursors;

	private final Cache storyCache;

	private final BlockedUsers blockedUsers;

	private final Clock clock;

	StoryCatalog(StoryRepository stories, StoryQueries queries, ProfileService profiles, UploadService uploads,
			CursorCodec cursors, CacheManager caches, BlockedUsers blockedUsers, Clock clock) {
		this.stories = stories;
		this.queries = queries;
		this.profiles = profiles;
		this.uploads = uploads;
		this.cursors = cursors;
		this.storyCache = caches.getCache(CacheNames.STORIES);
		this.blockedUsers = blockedUsers;
		this.clock = clock;
	}

	/**
	 * A story by slug or id, for a reader (published stories) or its author (drafts too).
	 * @param viewer the caller, or {@code null}
	 * @param slugOrId the slug, or the story's id
	 * @return the story
	 */
	@Transactional(readOnly = true)
	StoryView bySlugOrId(@Nullable CurrentUser viewer, String slugOrId) {
		String slug = slugOrId;
		if (UUID_SHAPE.matcher(slugOrId).matches()) {
			slug = this.stories.findById(UUID.fromString(slugOrId)).map(Story::slug).orElse(slugOrId);
		}
		return bySlug(viewer, slug);
	}

	private StoryView bySlug(@Nullable CurrentUser viewer, String slug) {
		StoryView cached = this.storyCache.get(slug, StoryView.class);
		if (cached != null && (viewer == null || !cached.author().id().equals(viewer.id()))) {
			return visibleTo(viewer, cached);
		}
		Story story = this.stories.findBySlug(slug)
			.filter((found) -> !found.isDeleted())
			.orElseThrow(() -> new StoryNotFound("Story"));
		boolean isAuthor = viewer != null && story.isWrittenBy(viewer.id());
		if (!isAuthor && !story.isVisibleAt(this.clock.instant())) {
			throw new StoryNotFound("Story");
		}
		StoryView view = view(story, isAuthor);
		if (!isAuthor) {
			this.storyCache.put(slug, view);
		}
		return visibleTo(viewer, view);
	}

	@Transactional(readOnly = true)
	CursorPage<StoryView> published(@Nullable CurrentUser viewer, @Nullable String authorHandle,
			@Nullable String tagSlug, PageParams page) {
		Keyset after = Keyset.after(this.cursors, PUBLIC_LIST, page);
		UUID authorId = null;
		if (authorHandle != null) {
			Optional<UUID> found = this.profiles.idOfHandle(authorHandle);
			if (found.isEmpty()) {
				return new CursorPage<>(List.of(), null);
			}
			authorId = found.get();
		}
		UUID tagId = null;
		if (tagSlug != null) {
			tagId = this.queries.tagIdBySlug(Slugs.of(tagSlug, 50));
			if (tagId == null) {
				return new CursorPage<>(List.of(), null);
			}
		}
		Set<UUID> hidden = this.blockedUsers.eitherWay((viewer != null) ? viewer.id() : null);
		List<StoryRow> rows = this.queries.publicPage(authorId, tagId, hidden, after, page.fetchSize());
		return CursorPage
			.of(rows, page, (row) -> new Keyset(row.publishedAt(), row.id()).encode(this.cursors, PUBLIC_LIST))
			.map(views(rows));
	}

	@Transactional(readOnly = true)
	CursorPage<StoryView> own(CurrentUser author, PageParams page) {
		Keyset after = Keyset.after(this.cursors, OWN_LIST, page);
		List<StoryRow> rows = this.queries.ownPage(author.id(), after, page.fetchSize());
		return CursorPage.of(rows, page, (row) -> new Keyset(row.createdAt(), row.id()).encode(this.cursors, OWN_LIST))
			.map(views(rows));
	}

	@Transactional(readOnly = true)
	CursorPage<PopularTagView> popularTags(PageParams page) {
		StoryQueries.TagPosition after = this.cursors.after(TAG_LIST, page, StoryQueries.TagPosition::of);
		List<StoryQueries.PopularTagRow> rows = this.queries.popularTags(after, page.fetchSize());
		return CursorPage
			.of(rows, page,
					(row) -> this.cursors.encode(TAG_LIST,
							List.of(Integer.toString(row.view().storyCount()), row.id().toString())))
			.map(StoryQueries.PopularTagRow::view);
	}

	/**
	 * The stories among these ids that readers can see, as the API shows them; three
	 * statements whatever the number of ids.
	 * @param ids the stories
	 * @return the visible ones by id
	 */
	@Transactional(readOnly = true)
	Map<UUID, StoryView> visibleStories(Collection<UUID> ids) {
		List<StoryRow> rows = this.queries.visibleByIds(ids);
		Function<StoryRow, StoryView> toView = views(rows);
		Map<UUID, StoryView> result = new HashMap<>();
		rows.forEach((row) -> result.put(row.id(), toView.apply(row)));
		return result;
	}

	/**
	 * A story as the API shows it.
	 * @param story the story
	 * @param ownerView whether its author is looking (drafts count among its chapters)
	 * @return the view
	 */
	StoryView view(Story story, boolean ownerView) {
		StoryRow row = StoryRow.of(story, this.queries.chapterCount(story.id(), ownerView));
		return views(List.of(row)).apply(row);
	}

	/**
	 * Drops cached stories whose shown fields changed.
	 * @param slugs the stories' slugs
	 */
	void evict(String... slugs) {
		for (String slug : slugs) {
			this.storyCache.evict(slug);
		}
	}

	private StoryView visibleTo(@Nullable CurrentUser viewer, StoryView story) {
		if (viewer != null && this.blockedUsers.eitherWay(viewer.id()).contains(story.author().id())) {
			throw new StoryNotFound("Story");
		}
		return story;
	}

	/**
	 * Maps a page of rows to views with two batch queries (tags and authors), whatever
	 * the size.
	 * @param rows the page's rows
	 * @return the mapping
	 */
	private Function<StoryRow, StoryView> views(List<StoryRow> rows) {
		Map<UUID, List<TagView>> tagsByStory = this.queries.tagsOf(rows.stream().map(StoryRow::id).toList());
		Set<UUID> authorIds = new HashSet<>();
		rows.forEach((row) -> authorIds.add(row.authorId()));
		Map<UUID, UserSummary> authors = this.profiles.summaries(authorIds);
		return (row) -> new StoryView(row.id(), row.slug(), row.title(), row.blurb(),
				tagsByStory.getOrDefault(row.id(), List.of()), this.uploads.publicUrl(row.coverKey()),
				authors.get(row.authorId()), row.published(), row.publishedAt(), row.chapterCount(), row.createdAt(),
				row.updatedAt());
	}

}
