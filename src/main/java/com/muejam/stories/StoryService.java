package com.muejam.stories;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.error.ApiException;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.quota.QuotaExceeded;
import com.muejam.core.quota.Quotas;
import com.muejam.core.ratelimit.RateLimiter;
import com.muejam.core.security.CurrentUser;
import com.muejam.core.visibility.Rating;
import com.muejam.stories.StoryRequests.CreateStory;
import com.muejam.stories.StoryRequests.Publish;
import com.muejam.stories.StoryRequests.UpdateStory;
import com.muejam.uploads.UploadService;
import com.muejam.uploads.UploadType;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stories: drafts, edits, publication (now or scheduled), soft deletion and hiding, and
 * the module's public API for other modules. Only the author changes a story; a story
 * readers can see answers others with 403, a draft with 404. What readers browse is
 * {@link StoryCatalog}'s and {@link StoryLists}'.
 */
@Service
public class StoryService {

	static final String PUBLISH_POLICY = "publish";

	private final StoryRepository stories;

	private final StoryRowQueries rows;

	private final StoryCatalog catalog;

	private final StoryLists lists;

	private final TagStore tags;

	private final UploadService uploads;

	private final RateLimiter rateLimiter;

	private final ApplicationEventPublisher events;

	private final Quotas quotas;

	private final Clock clock;

	StoryService(StoryRepository stories, StoryRowQueries rows, StoryCatalog catalog, StoryLists lists, TagStore tags,
			UploadService uploads, RateLimiter rateLimiter, ApplicationEventPublisher events, Quotas quotas,
			Clock clock) {
		this.stories = stories;
		this.rows = rows;
		this.catalog = catalog;
		this.lists = lists;
		this.tags = tags;
		this.uploads = uploads;
		this.rateLimiter = rateLimiter;
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
				this.uploads.requireUploadedBy(request.coverKey(), author.id(), UploadType.COVER), now);
		this.stories.insert(story);
		if (request.tags() != null) {
			this.tags.replace(story.id(), this.tags.resolve(author.id(), request.tags()));
		}
		if (request.rating() != null || request.contentWarnings() != null) {
			this.rows.rate(story.id(), (request.rating() != null) ? request.rating() : Rating.GENERAL,
					(request.contentWarnings() != null) ? request.contentWarnings() : List.of());
		}
		this.rows.refreshTagsAndSearchDocument(story.id());
		return this.catalog.authorView(story);
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
			story.changeCover(this.uploads.requireUploadedBy(changes.coverKey(), author.id(), UploadType.COVER), now);
		}
		if (changes.tags() != null) {
			Set<UUID> affected = this.tags.replace(story.id(), this.tags.resolve(author.id(), changes.tags()));
			this.tags.recount(affected);
			story.touch(now);
		}
		if (changes.rating() != null || changes.contentWarnings() != null) {
			StoryView current = this.catalog.authorView(story);
			this.rows.rate(story.id(), (changes.rating() != null) ? changes.rating() : current.rating(),
					(changes.contentWarnings() != null) ? changes.contentWarnings() : current.contentWarnings());
			story.touch(now);
		}
		this.stories.save(story);
		this.rows.refreshTagsAndSearchDocument(story.id());
		if (changes.rating() != null) {
			this.catalog.evictWithChapters(story, previousSlug);
		}
		else {
			this.catalog.evict(story, previousSlug);
		}
		return this.catalog.authorView(story);
	}

	@Transactional
	StoryView publish(CurrentUser author, UUID storyId, @Nullable Publish request) {
		Story story = owned(author, storyId);
		this.rateLimiter.enforce(PUBLISH_POLICY, author.id().toString());
		Instant now = this.clock.instant();
		Instant at = Publication.at((request != null) ? request.publishAt() : null, now);
		if (story.publish(at, now)) {
			this.stories.save(story);
			this.tags.recount(this.tags.tagIdsOf(story.id()));
			this.events.publishEvent(new StoryPublished(story.id(), story.authorId(), at));
			this.catalog.evict(story);
		}
		return this.catalog.authorView(story);
	}

	@Transactional
	void delete(CurrentUser author, UUID storyId) {
		Story story = owned(author, storyId);
		story.delete(this.clock.instant());
		this.stories.save(story);
		this.tags.recount(this.tags.tagIdsOf(story.id()));
		this.events.publishEvent(new StoryDeleted(story.id(), story.authorId()));
		this.catalog.evictWithChapters(story);
	}

	/**
	 * The newest published stories a viewer may see (the "new" discover tab).
	 * @param viewer the caller, or {@code null}
	 * @param page the page
	 * @param leftOut stories to leave out (those the reader finished, when asked)
	 * @return the stories, newest first
	 */
	public CursorPage<StoryView> latest(@Nullable CurrentUser viewer, PageParams page, Set<UUID> leftOut) {
		return this.lists.published(viewer, null, null, WordRange.ANY, leftOut, page);
	}

	/**
	 * The stories among these ids that readers can see, as the API shows them; one
	 * statement whatever the number of ids.
	 * @param ids the stories
	 * @return the visible ones by id
	 */
	public Map<UUID, StoryView> visibleStories(Collection<UUID> ids) {
		return this.catalog.visibleStories(ids);
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
			this.rows.hide(storyId);
			this.tags.recount(this.tags.tagIdsOf(storyId));
			this.catalog.evictWithChapters(found);
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

}
