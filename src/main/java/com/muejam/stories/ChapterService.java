package com.muejam.stories;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.error.ApiException;
import com.muejam.core.markdown.MarkdownRenderer;
import com.muejam.core.pagination.CursorCodec;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.quota.QuotaExceeded;
import com.muejam.core.quota.Quotas;
import com.muejam.core.ratelimit.RateLimiter;
import com.muejam.core.error.ErrorCode;
import com.muejam.core.security.CurrentUser;
import com.muejam.core.visibility.Rating;
import com.muejam.stories.ChapterRequests.CreateChapter;
import com.muejam.stories.StoryRequests.Publish;
import com.muejam.stories.ChapterRequests.UpdateChapter;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chapters: written by the story's author, numbered 1, 2, 3... in creation order,
 * published now or at a scheduled time, read by anyone once both the chapter and its
 * story are visible.
 */
@Service
public class ChapterService {

	private static final String LIST = "chapters.story";

	private final ChapterRepository chapters;

	private final StoryRepository stories;

	private final StoryService storyService;

	private final StoryCatalog catalog;

	private final ChapterCache cache;

	private final ChapterQueries queries;

	private final StoryCounterQueries counters;

	private final StoryVisibility visibility;

	private final MarkdownRenderer markdown;

	private final RateLimiter rateLimiter;

	private final CursorCodec cursors;

	private final ApplicationEventPublisher events;

	private final Quotas quotas;

	private final Clock clock;

	ChapterService(ChapterRepository chapters, StoryRepository stories, StoryService storyService, StoryCatalog catalog,
			ChapterCache cache, ChapterQueries queries, StoryCounterQueries counters, StoryVisibility visibility,
			MarkdownRenderer markdown, RateLimiter rateLimiter, CursorCodec cursors, ApplicationEventPublisher events,
			Quotas quotas, Clock clock) {
		this.chapters = chapters;
		this.stories = stories;
		this.storyService = storyService;
		this.catalog = catalog;
		this.cache = cache;
		this.queries = queries;
		this.counters = counters;
		this.visibility = visibility;
		this.markdown = markdown;
		this.rateLimiter = rateLimiter;
		this.cursors = cursors;
		this.events = events;
		this.quotas = quotas;
		this.clock = clock;
	}

	@Transactional
	ChapterView create(CurrentUser author, UUID storyId, CreateChapter request) {
		Story story = this.storyService.owned(author, storyId);
		// lock the story row: concurrent creations take consecutive numbers and respect
		// the quota
		this.stories.findForUpdate(story.id());
		if (this.chapters.countKept(story.id()) >= this.quotas.chaptersPerStory()) {
			throw new QuotaExceeded("chapters_per_story", this.quotas.chaptersPerStory(), "chapters in this story");
		}
		int number = this.chapters.highestNumber(story.id()) + 1;
		Instant now = this.clock.instant();
		Chapter chapter = new Chapter(story.id(), number, title(request.title()),
				RenderedText.of((request.content() != null) ? request.content() : "", this.markdown), now);
		this.chapters.insert(chapter);
		return view(chapter, true);
	}

	@Transactional
	ChapterView update(CurrentUser author, UUID chapterId, UpdateChapter changes) {
		Chapter chapter = owned(author, chapterId);
		Instant now = this.clock.instant();
		if (changes.title() != null) {
			chapter.retitle(title(changes.title()), now);
		}
		boolean revised = changes.content() != null && !changes.content().equals(chapter.content());
		if (revised) {
			chapter.rewrite(RenderedText.of(changes.content(), this.markdown), now);
		}
		this.chapters.save(chapter);
		this.cache.evict(chapter.id());
		if (revised) {
			this.counters.refreshStoryCounters(chapter.storyId());
			this.events.publishEvent(new ChapterRevised(chapter.id(), chapter.storyId(), chapter.content().length()));
			// the story shows the words of its chapters
			evictStory(chapter.storyId(), false);
		}
		return view(chapter, true);
	}

	@Transactional
	ChapterView publish(CurrentUser author, UUID chapterId, @Nullable Publish request) {
		Chapter chapter = owned(author, chapterId);
		this.rateLimiter.enforce(StoryService.PUBLISH_POLICY, author.id().toString());
		Instant now = this.clock.instant();
		Instant at = Publication.at((request != null) ? request.publishAt() : null, now);
		if (chapter.publish(at, now)) {
			this.chapters.save(chapter);
			this.counters.refreshStoryCounters(chapter.storyId());
			this.events.publishEvent(new ChapterPublished(chapter.id(), chapter.storyId(), at));
			evictStory(chapter.storyId(), true);
		}
		return view(chapter, true);
	}

	@Transactional
	void delete(CurrentUser author, UUID chapterId) {
		Chapter chapter = owned(author, chapterId);
		chapter.delete(this.clock.instant());
		this.chapters.save(chapter);
		this.counters.refreshStoryCounters(chapter.storyId());
		this.events.publishEvent(new ChapterDeleted(chapter.id(), chapter.storyId()));
		this.cache.evict(chapter.id());
		evictStory(chapter.storyId(), true);
	}

	/**
	 * A chapter with its content, for a reader (published chapters of visible stories,
	 * from the cache once read) or the author (drafts too, never cached).
	 * @param viewer the caller, or {@code null}
	 * @param chapterId the chapter
	 * @return the chapter
	 */
	ChapterView read(@Nullable CurrentUser viewer, UUID chapterId) {
		UUID viewerId = (viewer != null) ? viewer.id() : null;
		Instant now = this.clock.instant();
		ReadableChapter chapter = this.cache.find(chapterId, now)
			.filter((cached) -> !cached.authorId().equals(viewerId))
			.or(() -> readable(chapterId, viewerId, now))
			.filter((found) -> !this.visibility.isBlockedBetween(viewerId, found.authorId()))
			.orElseThrow(() -> new StoryNotFound("Chapter"));
		requireAdmitted(viewer, chapter.authorId(), chapter.rating());
		return chapter.view();
	}

	/**
	 * A chapter from the database in one statement, without a transaction; cached when a
	 * reader, not its author, read it.
	 */
	private Optional<ReadableChapter> readable(UUID chapterId, @Nullable UUID viewerId, Instant now) {
		long mark = this.cache.mark();
		Optional<ReadableChapter> found = this.queries.readable(chapterId, viewerId, now);
		found.filter((chapter) -> !chapter.authorId().equals(viewerId))
			.ifPresent((chapter) -> this.cache.put(chapter, now, mark));
		return found;
	}

	@Transactional(readOnly = true)
	CursorPage<ChapterSummaryView> list(@Nullable CurrentUser viewer, UUID storyId, PageParams page) {
		Story story = this.stories.findById(storyId)
			.filter((found) -> !found.isDeleted())
			.orElseThrow(() -> new StoryNotFound("Story"));
		boolean isAuthor = viewer != null && story.isWrittenBy(viewer.id());
		if (!isAuthor && !story.isVisibleAt(this.clock.instant())
				|| this.visibility.isBlockedBetween((viewer != null) ? viewer.id() : null, story.authorId())) {
			throw new StoryNotFound("Story");
		}
		requireAdmitted(viewer, story.authorId(), story.rating());
		Integer after = this.cursors.after(LIST + ":" + storyId, page, (values) -> Integer.valueOf(values.getFirst()));
		return CursorPage.of(this.queries.chapters(storyId, isAuthor, after, page.fetchSize()), page,
				(chapter) -> this.cursors.encode(LIST + ":" + storyId,
						java.util.List.of(Integer.toString(chapter.chapterNumber()))));
	}

	private static void requireAdmitted(@Nullable CurrentUser viewer, UUID authorId, Rating rating) {
		if (StoryCatalog.isGatedFor(viewer, authorId, rating)) {
			throw new ApiException(ErrorCode.RATING_GATED,
					"This story is rated " + rating.wire() + ", above the content filter in your preferences");
		}
	}

	/**
	 * A chapter's current text whatever its state, for keeping offsets anchored after an
	 * edit.
	 * @param chapterId the chapter
	 * @return the chapter, empty if unknown or deleted
	 */
	@Transactional(readOnly = true)
	public Optional<ChapterText> currentText(UUID chapterId) {
		return this.chapters.findById(chapterId).filter((chapter) -> !chapter.isDeleted()).map(ChapterService::text);
	}

	/**
	 * Hides a chapter from readers (a moderator's decision).
	 * @param chapterId the chapter
	 * @return the story's author, empty if there is no such chapter
	 */
	@Transactional
	public Optional<UUID> hide(UUID chapterId) {
		return this.chapters.findById(chapterId).flatMap((chapter) -> {
			this.queries.hide(chapterId);
			this.counters.refreshStoryCounters(chapter.storyId());
			this.cache.evict(chapterId);
			evictStory(chapter.storyId(), true);
			return this.stories.findById(chapter.storyId()).map(Story::authorId);
		});
	}

	static ChapterText text(Chapter chapter) {
		return new ChapterText(chapter.id(), chapter.storyId(), chapter.number(), chapter.title(), chapter.content());
	}

	/**
	 * A chapter that is not deleted (of any publication state), else 404.
	 */
	private Chapter liveChapter(UUID chapterId) {
		return this.chapters.findById(chapterId)
			.filter((found) -> !found.isDeleted())
			.orElseThrow(() -> new StoryNotFound("Chapter"));
	}

	/**
	 * The chapter's story, which must not be deleted either, else 404 for the chapter.
	 */
	private Story liveStoryOf(Chapter chapter) {
		return this.stories.findById(chapter.storyId())
			.filter((found) -> !found.isDeleted())
			.orElseThrow(() -> new StoryNotFound("Chapter"));
	}

	private Chapter owned(CurrentUser user, UUID chapterId) {
		Chapter chapter = liveChapter(chapterId);
		Story story = liveStoryOf(chapter);
		if (!story.isWrittenBy(user.id())) {
			Instant now = this.clock.instant();
			if (story.isVisibleAt(now) && chapter.isVisibleAt(now)) {
				throw ApiException.forbidden("Only the author can change this chapter");
			}
			throw new StoryNotFound("Chapter");
		}
		return chapter;
	}

	private ChapterView view(Chapter chapter, boolean ownerView) {
		ChapterQueries.Neighbours neighbours = this.queries.neighbours(chapter.storyId(), chapter.number(), ownerView);
		return new ChapterView(chapter.id(), chapter.storyId(), chapter.number(), chapter.title(), chapter.content(),
				chapter.contentHtml(), chapter.isPublished(), chapter.publishedAt(), chapter.createdAt(),
				chapter.updatedAt(), neighbours.previousId(), neighbours.nextId(), chapter.wordCount());
	}

	/**
	 * Drops the story from the cache, and with {@code chapters} every chapter of it that
	 * readers may have read (a chapter came or went: their neighbours' links moved).
	 */
	private void evictStory(UUID storyId, boolean chapters) {
		this.stories.findById(storyId).ifPresent((story) -> {
			if (chapters) {
				this.catalog.evictWithChapters(story);
			}
			else {
				this.catalog.evict(story);
			}
		});
	}

	private static String title(String title) {
		String stripped = title.strip();
		if (stripped.isEmpty()) {
			throw ApiException.invalidField("title", "must not be blank");
		}
		return stripped;
	}

}
