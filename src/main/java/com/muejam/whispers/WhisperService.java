package com.muejam.whispers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import com.muejam.core.error.ApiException;
import com.muejam.core.pagination.CursorCodec;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.Keyset;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.ratelimit.RateLimiter;
import com.muejam.core.security.CurrentUser;
import com.muejam.highlights.HighlightRef;
import com.muejam.highlights.HighlightService;
import com.muejam.social.SocialService;
import com.muejam.stories.ChapterService;
import com.muejam.stories.ChapterText;
import com.muejam.stories.StoryService;
import com.muejam.uploads.UploadService;
import com.muejam.users.ProfileService;
import com.muejam.users.UserSummary;
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

	private static final String VISIBLE = "w.deleted_at is null and w.hidden_at is null";

	private final JdbcClient jdbc;

	private final ProfileService profiles;

	private final StoryService stories;

	private final ChapterService chapters;

	private final HighlightService highlights;

	private final SocialService social;

	private final UploadService uploads;

	private final RateLimiter rateLimiter;

	private final CursorCodec cursors;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	WhisperService(JdbcClient jdbc, ProfileService profiles, StoryService stories, ChapterService chapters,
			HighlightService highlights, SocialService social, UploadService uploads, RateLimiter rateLimiter,
			CursorCodec cursors, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.profiles = profiles;
		this.stories = stories;
		this.chapters = chapters;
		this.highlights = highlights;
		this.social = social;
		this.uploads = uploads;
		this.rateLimiter = rateLimiter;
		this.cursors = cursors;
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
				if (!this.stories.isVisible(request.storyId())) {
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
				ChapterText chapter = this.chapters.readable(highlight.chapterId())
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
		return views(user, List.of(whisper)).apply(whisper);
	}

	@Transactional
	WhisperView reply(CurrentUser user, UUID parentId, CreateReply request) {
		String content = WhisperContent.clean(request.content());
		WhisperRow parent = visible(parentId);
		if (this.social.isBlockedEitherWay(user.id(), parent.userId())) {
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
		return views(user, List.of(reply)).apply(reply);
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
		WhisperRow whisper = visible(whisperId);
		if (this.social.isBlockedEitherWay(user.id(), whisper.userId())) {
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
		WhisperRow whisper = visible(whisperId);
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

	/**
	 * One whisper, also from a muted author; 404 when deleted, hidden, or across a block.
	 * @param viewer the caller, or {@code null}
	 * @param whisperId the whisper
	 * @return the whisper
	 */
	@Transactional(readOnly = true)
	WhisperView get(@Nullable CurrentUser viewer, UUID whisperId) {
		WhisperRow whisper = visible(whisperId);
		if (viewer != null && this.social.eitherWay(viewer.id()).contains(whisper.userId())) {
			throw ApiException.notFound("Whisper");
		}
		return views(viewer, List.of(whisper)).apply(whisper);
	}

	/**
	 * A feed of root whispers, newest first.
	 * @param viewer the caller, or {@code null}
	 * @param scope which feed
	 * @param storyId the story, for the story feed
	 * @param highlightId the highlight, for the highlight feed
	 * @param page the page
	 * @return the whispers
	 */
	@Transactional(readOnly = true)
	CursorPage<WhisperView> feed(@Nullable CurrentUser viewer, Scope scope, @Nullable UUID storyId,
			@Nullable UUID highlightId, PageParams page) {
		String list;
		String where;
		Object target;
		switch (scope) {
			case GLOBAL -> {
				list = "whispers.global";
				where = "w.scope = :target";
				target = Scope.GLOBAL.name();
			}
			case STORY -> {
				if (storyId == null) {
					throw ApiException.invalidField("story_id", "is required for the story feed");
				}
				if (!this.stories.isVisible(storyId)) {
					throw ApiException.notFound("Story");
				}
				list = "whispers.story:" + storyId;
				where = "w.story_id = :target";
				target = storyId;
			}
			default -> {
				if (highlightId == null) {
					throw ApiException.invalidField("highlight_id", "is required for the highlight feed");
				}
				list = "whispers.highlight:" + highlightId;
				where = "w.highlight_id = :target";
				target = highlightId;
			}
		}
		Keyset after = (page.cursor() != null) ? Keyset.decode(this.cursors, list, page.cursor()) : null;
		Set<UUID> hidden = this.social.hiddenFromFeeds((viewer != null) ? viewer.id() : null);
		String sql = "select " + WhisperRow.COLUMNS + " from whispers w where " + where
				+ " and w.parent_id is null and " + VISIBLE + (hidden.isEmpty() ? "" : " and w.user_id <> all(:hidden)")
				+ ((after != null) ? " and (w.created_at, w.id) < (:at, :id)" : "")
				+ " order by w.created_at desc, w.id desc limit :limit";
		List<WhisperRow> rows = query(sql, target, hidden, after, page.fetchSize());
		return CursorPage.of(rows, page, (row) -> new Keyset(row.createdAt(), row.id()).encode(this.cursors, list))
			.map(views(viewer, rows));
	}

	/**
	 * A thread's replies, oldest first.
	 * @param viewer the caller, or {@code null}
	 * @param whisperId the root (or any whisper of the thread)
	 * @param page the page
	 * @return the replies
	 */
	@Transactional(readOnly = true)
	CursorPage<WhisperView> replies(@Nullable CurrentUser viewer, UUID whisperId, PageParams page) {
		WhisperRow whisper = stored(whisperId).orElseThrow(() -> ApiException.notFound("Whisper"));
		if (whisper.hidden()) {
			throw ApiException.notFound("Whisper");
		}
		UUID rootId = whisper.rootId();
		String list = "whispers.replies:" + rootId;
		Keyset after = (page.cursor() != null) ? Keyset.decode(this.cursors, list, page.cursor()) : null;
		Set<UUID> hidden = this.social.hiddenFromFeeds((viewer != null) ? viewer.id() : null);
		String sql = "select " + WhisperRow.COLUMNS + " from whispers w where w.parent_id = :target and " + VISIBLE
				+ (hidden.isEmpty() ? "" : " and w.user_id <> all(:hidden)")
				+ ((after != null) ? " and (w.created_at, w.id) > (:at, :id)" : "")
				+ " order by w.created_at, w.id limit :limit";
		List<WhisperRow> rows = query(sql, rootId, hidden, after, page.fetchSize());
		return CursorPage.of(rows, page, (row) -> new Keyset(row.createdAt(), row.id()).encode(this.cursors, list))
			.map(views(viewer, rows));
	}

	private List<WhisperRow> query(String sql, Object target, Set<UUID> hidden, @Nullable Keyset after, int limit) {
		var query = this.jdbc.sql(sql).param("limit", limit).param("target", target);
		if (!hidden.isEmpty()) {
			query = query.param("hidden", hidden.toArray(UUID[]::new));
		}
		if (after != null) {
			query = query.params(Map.of("at", Timestamp.from(after.at()), "id", after.id()));
		}
		return query.query(WhisperRow::map).list();
	}

	/**
	 * Maps a page of whispers to views with two batch queries (authors, the viewer's
	 * likes).
	 */
	private Function<WhisperRow, WhisperView> views(@Nullable CurrentUser viewer, List<WhisperRow> rows) {
		Set<UUID> authorIds = new HashSet<>();
		rows.forEach((row) -> authorIds.add(row.userId()));
		Map<UUID, UserSummary> authors = this.profiles.summaries(authorIds);
		Set<UUID> liked = (viewer == null || rows.isEmpty()) ? Set.of()
				: new HashSet<>(this.jdbc
					.sql("select whisper_id from whisper_likes where user_id = :user and whisper_id = any(:ids)")
					.param("user", viewer.id())
					.param("ids", rows.stream().map(WhisperRow::id).toArray(UUID[]::new))
					.query(UUID.class)
					.list());
		return (row) -> new WhisperView(row.id(), row.content(), row.scope().name(), row.storyId(), row.highlightId(),
				row.parentId(), this.uploads.publicUrl(row.mediaKey()), authors.get(row.userId()), row.likeCount(),
				row.replyCount(), liked.contains(row.id()), row.createdAt());
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

	private WhisperRow visible(UUID whisperId) {
		return stored(whisperId).filter(WhisperRow::isVisible).orElseThrow(() -> ApiException.notFound("Whisper"));
	}

	private Optional<WhisperRow> stored(UUID whisperId) {
		return this.jdbc.sql("select " + WhisperRow.COLUMNS + " from whispers w where w.id = :id")
			.param("id", whisperId)
			.query(WhisperRow::map)
			.optional();
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
