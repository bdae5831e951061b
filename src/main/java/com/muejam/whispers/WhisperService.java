package com.muejam.whispers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.error.ApiException;
import com.muejam.core.ratelimit.RateLimiter;
import com.muejam.core.security.CurrentUser;
import com.muejam.highlights.HighlightRef;
import com.muejam.highlights.HighlightService;
import com.muejam.stories.ChapterText;
import com.muejam.stories.StoryVisibility;
import com.muejam.uploads.UploadService;
import com.muejam.uploads.UploadType;
import com.muejam.whispers.WhisperRequests.CreateReply;
import com.muejam.whispers.WhisperRequests.CreateWhisper;
import com.muejam.whispers.WhisperViews.LikeState;
import com.muejam.whispers.WhisperViews.WhisperView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whispers, replies and likes. Feeds leave out deleted and hidden whispers and the
 * authors the viewer blocked, muted, or was blocked by; blocked users cannot reply to or
 * like each other.
 */
@Service
public class WhisperService {

	static final String WHISPER_POLICY = "whispers";

	static final String REPLY_POLICY = "replies";

	private final WhisperQueries queries;

	private final StoryVisibility stories;

	private final WhisperAccess access;

	private final WhisperFeeds feeds;

	private final HighlightService highlights;

	private final UploadService uploads;

	private final RateLimiter rateLimiter;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	WhisperService(WhisperQueries queries, StoryVisibility stories, WhisperAccess access, WhisperFeeds feeds,
			HighlightService highlights, UploadService uploads, RateLimiter rateLimiter,
			ApplicationEventPublisher events, Clock clock) {
		this.queries = queries;
		this.stories = stories;
		this.access = access;
		this.feeds = feeds;
		this.highlights = highlights;
		this.uploads = uploads;
		this.rateLimiter = rateLimiter;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	WhisperView create(CurrentUser user, CreateWhisper request) {
		String content = WhisperContent.clean(request.content());
		Scope scope = Scope.parse("scope", request.scope());
		UUID storyId = null;
		UUID highlightId = null;
		switch (scope) {
			case GLOBAL -> {
				if (request.storyId() != null || request.highlightId() != null) {
					throw ApiException.invalidField("scope", "a GLOBAL whisper takes no story_id or highlight_id");
				}
			}
			case STORY -> {
				if (request.storyId() == null) {
					throw ApiException.invalidField("story_id", "is required for a STORY whisper");
				}
				if (request.highlightId() != null) {
					throw ApiException.invalidField("highlight_id", "is only for a HIGHLIGHT whisper");
				}
				if (!this.stories.isStoryVisibleTo(user.id(), request.storyId())) {
					throw ApiException.invalidField("story_id", "must be a published story");
				}
				storyId = request.storyId();
			}
			case HIGHLIGHT -> {
				if (request.highlightId() == null) {
					throw ApiException.invalidField("highlight_id", "is required for a HIGHLIGHT whisper");
				}
				if (request.storyId() != null) {
					throw ApiException.invalidField("story_id", "is set from the highlight for a HIGHLIGHT whisper");
				}
				HighlightRef highlight = this.highlights.find(request.highlightId())
					.filter((found) -> found.userId().equals(user.id()))
					.orElseThrow(() -> ApiException.invalidField("highlight_id", "must be one of your highlights"));
				ChapterText chapter = this.stories.readableChapter(user.id(), highlight.chapterId())
					.orElseThrow(() -> ApiException.invalidField("highlight_id", "must be in a readable chapter"));
				highlightId = highlight.id();
				storyId = chapter.storyId();
			}
		}
		String mediaKey = this.uploads.requireUploadedBy(request.mediaKey(), user.id(), UploadType.WHISPER_MEDIA);
		this.rateLimiter.enforce(WHISPER_POLICY, user.id().toString());
		WhisperRow whisper = insert(user, content, mediaKey, scope, storyId, highlightId, null, null);
		if (storyId != null) {
			this.events.publishEvent(new StoryWhispered(whisper.id(), storyId, user.id()));
		}
		return this.feeds.views(user, List.of(whisper)).apply(whisper);
	}

	@Transactional
	WhisperView reply(CurrentUser user, UUID parentId, CreateReply request) {
		String content = WhisperContent.clean(request.content());
		WhisperAccess.Reached reached = this.access.reach(user.id(), parentId);
		WhisperRow parent = reached.whisper();
		if (reached.authorBlocked()) {
			throw ApiException.forbidden("You cannot reply to this user");
		}
		String mediaKey = this.uploads.requireUploadedBy(request.mediaKey(), user.id(), UploadType.WHISPER_MEDIA);
		this.rateLimiter.enforce(REPLY_POLICY, user.id().toString());
		UUID rootId = parent.rootId();
		WhisperRow reply = insert(user, content, mediaKey, parent.scope(), parent.storyId(), parent.highlightId(),
				rootId, parent.id());
		this.queries.incrementReplyCount(rootId);
		this.events.publishEvent(new WhisperReplied(reply.id(), parent.id(), rootId, parent.userId(), user.id()));
		return this.feeds.views(user, List.of(reply)).apply(reply);
	}

	@Transactional
	void delete(CurrentUser user, UUID whisperId) {
		WhisperRow whisper = visible(whisperId);
		if (!whisper.userId().equals(user.id())) {
			throw ApiException.forbidden("Only the author can delete this whisper");
		}
		this.queries.markDeleted(whisper.id(), this.clock.instant());
		if (whisper.parentId() != null) {
			this.queries.decrementReplyCount(whisper.parentId());
		}
	}

	@Transactional
	LikeState like(CurrentUser user, UUID whisperId) {
		WhisperAccess.Reached reached = this.access.reach(user.id(), whisperId);
		WhisperRow whisper = reached.whisper();
		if (reached.authorBlocked()) {
			throw ApiException.forbidden("You cannot like this user's whispers");
		}
		if (!this.queries.insertLike(user.id(), whisper.id(), this.clock.instant())) {
			return new LikeState(true, this.queries.likeCount(whisper.id()));
		}
		int count = this.queries.incrementLikeCount(whisper.id());
		this.events.publishEvent(new WhisperLiked(whisper.id(), user.id(), whisper.userId(), whisper.storyId()));
		return new LikeState(true, count);
	}

	@Transactional
	LikeState unlike(CurrentUser user, UUID whisperId) {
		WhisperRow whisper = this.access.reach(user.id(), whisperId).whisper();
		if (!this.queries.deleteLike(user.id(), whisper.id())) {
			return new LikeState(false, this.queries.likeCount(whisper.id()));
		}
		int count = this.queries.decrementLikeCount(whisper.id());
		return new LikeState(false, count);
	}

	/**
	 * Hides a whisper from everyone (a moderator's decision).
	 * @param whisperId the whisper
	 * @return its author, empty if there is no such whisper
	 */
	@Transactional
	public Optional<UUID> hide(UUID whisperId) {
		Optional<WhisperRow> whisper = stored(whisperId);
		whisper.ifPresent((found) -> this.queries.markHidden(whisperId));
		return whisper.map(WhisperRow::userId);
	}

	private WhisperRow insert(CurrentUser user, String content, @Nullable String mediaKey, Scope scope,
			@Nullable UUID storyId, @Nullable UUID highlightId, @Nullable UUID parentId, @Nullable UUID inReplyTo) {
		Instant now = this.clock.instant();
		WhisperRow whisper = new WhisperRow(UUID.randomUUID(), user.id(), content, mediaKey, scope, storyId,
				highlightId, parentId, 0, 0, false, false, now);
		this.queries.insert(whisper, inReplyTo);
		return whisper;
	}

	/**
	 * Whether anyone may see a whisper (as a report target).
	 * @param whisperId the whisper
	 * @return {@code true} unless it, its thread's root or its story is gone or hidden
	 */
	@Transactional(readOnly = true)
	public boolean isVisible(UUID whisperId) {
		return this.access.reachable(null, whisperId).isPresent();
	}

	private WhisperRow visible(UUID whisperId) {
		return stored(whisperId).filter(WhisperRow::isVisible).orElseThrow(() -> ApiException.notFound("Whisper"));
	}

	private Optional<WhisperRow> stored(UUID whisperId) {
		return this.access.stored(whisperId);
	}

}
