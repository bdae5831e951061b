package com.muejam.stories;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import com.muejam.core.cache.CacheNames;
import com.muejam.core.error.ApiException;
import com.muejam.core.pagination.CursorCodec;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.InvalidCursor;
import com.muejam.core.pagination.Keyset;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.quota.QuotaExceeded;
import com.muejam.core.quota.Quotas;
import com.muejam.core.ratelimit.RateLimiter;
import com.muejam.core.security.CurrentUser;
import com.muejam.core.visibility.BlockedUsers;
import com.muejam.stories.StoryViews.CreateStory;
import com.muejam.stories.StoryViews.PopularTagView;
import com.muejam.stories.StoryViews.Publish;
import com.muejam.stories.StoryView.TagView;
import com.muejam.stories.StoryViews.UpdateStory;
import com.muejam.uploads.UploadService;
import com.muejam.users.ProfileService;
import com.muejam.users.UserSummary;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stories: drafts, edits, publication (now or scheduled), soft deletion, and the lists
 * readers and authors browse. Only the author changes a story; a story readers can see
 * answers others with 403, a draft with 404.
 */
@Service
public class StoryService {

	private static final Pattern UUID_SHAPE = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	static final String PUBLISH_POLICY = "publish";

	private static final String PUBLIC_LIST = "stories.public";

	private static final String OWN_LIST = "stories.own";

	private static final String TAG_LIST = "tags.popular";

	private final StoryRepository stories;

	private final StoryQueries queries;

	private final TagStore tags;

	private final ProfileService profiles;

	private final UploadService uploads;

	private final RateLimiter rateLimiter;

	private final CursorCodec cursors;

	private final Cache storyCache;

	private final BlockedUsers blockedUsers;

	private final ApplicationEventPublisher events;

	private final Quotas quotas;

	private final Clock clock;

	StoryService(StoryRepository stories, StoryQueries queries, TagStore tags, ProfileService profiles,
			UploadService uploads, RateLimiter rateLimiter, CursorCodec cursors, CacheManager caches,
			BlockedUsers blockedUsers, ApplicationEventPublisher events, Quotas quotas, Clock clock) {
		this.stories = stories;
		this.blockedUsers = blockedUsers;
		this.queries = queries;
		this.tags = tags;
		this.profiles = profiles;
		this.uploads = uploads;
		this.rateLimiter = rateLimiter;
		this.cursors = cursors;
		this.storyCache = caches.getCache(CacheNames.STORIES);
		this.events = events;
		this.quotas = quotas;
		this.clock = clock;
	}

	@Transactional
	StoryView create(CurrentUser author, CreateStory request) {
		if (this.stories.countKeptBy(author.id()) >= this.quotas.stories()) {
			throw new QuotaExceeded("stories", this.quotas.stories(), "stories");
		}
		Instant now = this.clock.instant();
		String title = title(request.title());
		Story story = new Story(author.id(), freeSlug(title), title, blurb(request.blurb()),
				coverKey(author, request.coverKey()), now);
		this.stories.saveAndFlush(story);
		if (request.tags() != null) {
			this.tags.replace(story.id(), this.tags.resolve(author.id(), request.tags()));
		}
		this.tags.refreshSearchDocument(story.id());
		return view(story, true);
	}

	@Transactional
	StoryView update(CurrentUser author, UUID storyId, UpdateStory changes) {
		Story story = owned(author, storyId);
		String previousSlug = story.slug();
		Instant now = this.clock.instant();
		if (changes.title() != null) {
			String title = title(changes.title());
			String slug = story.slugIsOpen() && !Slugs.forTitle(title).equals(Slugs.forTitle(story.title()))
					? freeSlug(title) : story.slug();
			story.retitle(title, slug, now);
		}
		if (changes.blurb() != null) {
			story.describe(blurb(changes.blurb()), now);
		}
		if (changes.coverKey() != null) {
			story.changeCover(coverKey(author, changes.coverKey()), now);
		}
		if (changes.tags() != null) {
			Set<UUID> affected = this.tags.replace(story.id(), this.tags.resolve(author.id(), changes.tags()));
			this.tags.recount(affected);
			story.touch(now);
		}
		this.stories.saveAndFlush(story);
		this.tags.refreshSearchDocument(story.id());
		evict(previousSlug, story.slug());
		return view(story, true);
	}

	@Transactional
	StoryView publish(CurrentUser author, UUID storyId, @Nullable Publish request) {
		Story story = owned(author, storyId);
		this.rateLimiter.enforce(PUBLISH_POLICY, author.id().toString());
		Instant now = this.clock.instant();
		Instant at = Publication.at((request != null) ? request.publishAt() : null, now);
		if (story.publish(at, now)) {
			this.stories.saveAndFlush(story);
			this.tags.recount(this.tags.tagIdsOf(story.id()));
			this.events.publishEvent(new StoryPublished(story.id(), story.authorId(), at));
			evict(story.slug());
		}
		return view(story, true);
	}

	@Transactional
	void delete(CurrentUser author, UUID storyId) {
		Story story = owned(author, storyId);
		story.delete(this.clock.instant());
		this.stories.saveAndFlush(story);
		this.tags.recount(this.tags.tagIdsOf(story.id()));
		this.events.publishEvent(new StoryDeleted(story.id(), story.authorId()));
		evict(story.slug());
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
		Keyset after = (page.cursor() != null) ? Keyset.decode(this.cursors, PUBLIC_LIST, page.cursor()) : null;
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

	/**
	 * The newest published stories a viewer may see (the "new" discover tab).
	 * @param viewer the caller, or {@code null}
	 * @param page the page
	 * @return the stories, newest first
	 */
	@Transactional(readOnly = true)
	public CursorPage<StoryView> latest(@Nullable CurrentUser viewer, PageParams page) {
		return published(viewer, null, null, page);
	}

	@Transactional(readOnly = true)
	CursorPage<StoryView> own(CurrentUser author, PageParams page) {
		Keyset after = (page.cursor() != null) ? Keyset.decode(this.cursors, OWN_LIST, page.cursor()) : null;
		List<StoryRow> rows = this.queries.ownPage(author.id(), after, page.fetchSize());
		return CursorPage.of(rows, page, (row) -> new Keyset(row.createdAt(), row.id()).encode(this.cursors, OWN_LIST))
			.map(views(rows));
	}

	@Transactional(readOnly = true)
	CursorPage<PopularTagView> popularTags(PageParams page) {
		StoryQueries.PopularTagRow after = null;
		if (page.cursor() != null) {
			List<String> position = this.cursors.decode(TAG_LIST, page.cursor());
			try {
				after = new StoryQueries.PopularTagRow(UUID.fromString(position.get(1)),
						new PopularTagView("", "", Integer.parseInt(position.get(0))));
			}
			catch (RuntimeException ex) {
				throw new InvalidCursor();
			}
		}
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
	public Map<UUID, StoryView> visibleStories(Collection<UUID> ids) {
		List<StoryRow> rows = this.queries.visibleByIds(ids);
		Function<StoryRow, StoryView> toView = views(rows);
		Map<UUID, StoryView> result = new HashMap<>();
		rows.forEach((row) -> result.put(row.id(), toView.apply(row)));
		return result;
	}

	/**
	 * Hides a story from readers (a moderator's decision): 404 everywhere, gone from
	 * lists.
	 * @param storyId the story
	 * @return its author, empty if there is no such story
	 */
	@Transactional
	public Optional<UUID> hide(UUID storyId) {
		Optional<Story> story = this.stories.findById(storyId);
		story.ifPresent((found) -> {
			this.queries.hide("stories", storyId);
			this.tags.recount(this.tags.tagIdsOf(storyId));
			evict(found.slug());
		});
		return story.map(Story::authorId);
	}

	/**
	 * Whether readers can see a story now.
	 * @param storyId the story
	 * @return {@code true} if it is published, due, and neither deleted nor hidden
	 */
	@Transactional(readOnly = true)
	public boolean isVisible(UUID storyId) {
		return this.stories.findById(storyId).filter((story) -> story.isVisibleAt(this.clock.instant())).isPresent();
	}

	/**
	 * Loads a story the caller may change: their own and not deleted.
	 * @param user the caller
	 * @param storyId the story
	 * @return the story
	 */
	Story owned(CurrentUser user, UUID storyId) {
		Story story = this.stories.findById(storyId)
			.filter((found) -> !found.isDeleted())
			.orElseThrow(() -> new StoryNotFound("Story"));
		if (!story.isWrittenBy(user.id())) {
			if (story.isVisibleAt(this.clock.instant())) {
				throw ApiException.forbidden("Only the author can change this story");
			}
			throw new StoryNotFound("Story");
		}
		return story;
	}

	private StoryView visibleTo(@Nullable CurrentUser viewer, StoryView story) {
		if (viewer != null && this.blockedUsers.eitherWay(viewer.id()).contains(story.author().id())) {
			throw new StoryNotFound("Story");
		}
		return story;
	}

	void evict(String... slugs) {
		for (String slug : slugs) {
			this.storyCache.evict(slug);
		}
	}

	private StoryView view(Story story, boolean ownerView) {
		StoryRow row = StoryRow.of(story, this.queries.chapterCount(story.id(), ownerView));
		return views(List.of(row)).apply(row);
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

	private String freeSlug(String title) {
		String slug = Slugs.forTitle(title);
		for (int attempt = 0; attempt < 5 && this.stories.existsBySlug(slug); attempt++) {
			slug = Slugs.withSuffix(Slugs.forTitle(title));
		}
		return slug;
	}

	private static String title(String title) {
		String stripped = title.strip();
		if (stripped.isEmpty()) {
			throw ApiException.invalidField("title", "must not be blank");
		}
		return stripped;
	}

	private static String blurb(@Nullable String blurb) {
		return (blurb != null) ? blurb.strip() : "";
	}

	private @Nullable String coverKey(CurrentUser author, @Nullable String key) {
		if (key == null || key.isBlank()) {
			return null;
		}
		if (!this.uploads.isUploadedBy(key, author.id(), "cover")) {
			throw ApiException.invalidField("cover_key", "must be a cover image you uploaded");
		}
		return key;
	}

}
