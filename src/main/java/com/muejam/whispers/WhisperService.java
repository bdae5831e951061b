package com.muejam.whispers;

import java.sql.Timestamp;
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
import com.muejam.whispers.WhisperViews.CreateReply;
import com.muejam.whispers.WhisperViews.CreateWhisper;
import com.muejam.whispers.WhisperViews.LikeState;
import com.muejam.whispers.WhisperViews.WhisperView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private final StoryVisibility stories;

	private final WhisperAccess access;

	private final WhisperFeeds feeds;

	private final HighlightService highlights;

	private final UploadService uploads;

	private final RateLimiter rateLimiter;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	WhisperService(JdbcClient jdbc, StoryVisibility stories, WhisperAccess access, WhisperFeeds feeds,
			HighlightService highlights, UploadService uploads, RateLimiter rateLimiter,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
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
		String mediaKey = mediaKey(user, request.mediaKey());
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
		String mediaKey = mediaKey(user, request.mediaKey());
		this.rateLimiter.enforce(REPLY_POLICY, user.id().toString());
		UUID rootId = parent.rootId();
		WhisperRow reply = insert(user, content, mediaKey, parent.scope(), parent.storyId(), parent.highlightId(),
				rootId, parent.id());
		this.jdbc.sql("update whispers set reply_count = reply_count + 1 where id = :root")
			.param("root", rootId)
			.update();
		this.events.publishEvent(new WhisperReplied(reply.id(), parent.id(), rootId, parent.userId(), user.id()));
		return this.feeds.views(user, List.of(reply)).apply(reply);
	}

	@Transactional
	void delete(CurrentUser user, UUID whisperId) {
		WhisperRow whisper = visible(whisperId);
		if (!whisper.userId().equals(user.id())) {
			throw ApiException.forbidden("Only the author can delete this whisper");
		}
		this.jdbc.sql("update whispers set deleted_at = :now where id = :id")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", whisper.id())
			.update();
		if (whisper.parentId() != null) {
			this.jdbc.sql("update whispers set reply_count = reply_count - 1 where id = :root and reply_count > 0")
				.param("root", whisper.parentId())
				.update();
		}
	}

	@Transactional
	LikeState like(CurrentUser user, UUID whisperId) {
		WhisperAccess.Reached reached = this.access.reach(user.id(), whisperId);
		WhisperRow whisper = reached.whisper();
		if (reached.authorBlocked()) {
			throw ApiException.forbidden("You cannot like this user's whispers");
		}
		int inserted = this.jdbc.sql("""
				insert into whisper_likes (user_id, whisper_id, created_at) values (:user, :whisper, :now)
				on conflict (user_id, whisper_id) do nothing""")
			.param("user", user.id())
			.param("whisper", whisper.id())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		if (inserted == 0) {
			return new LikeState(true, likeCount(whisper.id()));
		}
		int count = this.jdbc.sql("update whispers set like_count = like_count + 1 where id = :id returning like_count")
			.param("id", whisper.id())
			.query(Integer.class)
			.single();
		this.events.publishEvent(new WhisperLiked(whisper.id(), user.id(), whisper.userId(), whisper.storyId()));
		return new LikeState(true, count);
	}

	@Transactional
	LikeState unlike(CurrentUser user, UUID whisperId) {
		WhisperRow whisper = this.access.reach(user.id(), whisperId).whisper();
		int removed = this.jdbc.sql("delete from whisper_likes where user_id = :user and whisper_id = :whisper")
			.param("user", user.id())
			.param("whisper", whisper.id())
			.update();
		if (removed == 0) {
			return new LikeState(false, likeCount(whisper.id()));
		}
		int count = this.jdbc.sql("update whispers set like_count = like_count - 1 where id = :id returning like_count")
			.param("id", whisper.id())
			.query(Integer.class)
			.single();
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
		whisper.ifPresent(
				(found) -> this.jdbc.sql("update whispers set hidden_at = coalesce(hidden_at, now()) where id = :id")
					.param("id", whisperId)
					.update());
		return whisper.map(WhisperRow::userId);
	}

	private WhisperRow insert(CurrentUser user, String content, @Nullable String mediaKey, Scope scope,
			@Nullable UUID storyId, @Nullable UUID highlightId, @Nullable UUID parentId, @Nullable UUID inReplyTo) {
		Instant now = this.clock.instant();
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into whispers (id, user_id, content, media_key, scope, story_id, highlight_id, parent_id, in_reply_to_id, created_at)
					values (:id, :user, :content, :media, :scope, :story, :highlight, :parent, :inReplyTo, :now)""")
			.param("id", id)
			.param("user", user.id())
			.param("content", content)
			.param("media", mediaKey)
			.param("scope", scope.name())
			.param("story", storyId)
			.param("highlight", highlightId)
			.param("parent", parentId)
			.param("inReplyTo", inReplyTo)
			.param("now", Timestamp.from(now))
			.update();
		return new WhisperRow(id, user.id(), content, mediaKey, scope, storyId, highlightId, parentId, 0, 0, false,
				false, now);
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

	private int likeCount(UUID whisperId) {
		return this.jdbc.sql("select like_count from whispers where id = :id")
			.param("id", whisperId)
			.query(Integer.class)
			.single();
	}

	private @Nullable String mediaKey(CurrentUser user, @Nullable String key) {
		if (key == null || key.isBlank()) {
			return null;
		}
		if (!this.uploads.isUploadedBy(key, user.id(), "whisper_media")) {
			throw ApiException.invalidField("media_key", "must be an image you uploaded");
		}
		return key;
	}

}
