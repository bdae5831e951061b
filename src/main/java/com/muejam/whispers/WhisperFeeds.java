package com.muejam.whispers;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import com.muejam.core.error.ApiException;
import com.muejam.core.pagination.CursorCodec;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.Keyset;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;
import com.muejam.social.SocialService;
import com.muejam.stories.StoryVisibility;
import com.muejam.uploads.UploadService;
import com.muejam.users.ProfileService;
import com.muejam.users.UserSummary;
import com.muejam.whispers.WhisperViews.WhisperView;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of whispers: single whispers, feeds and threads. Feeds leave out deleted
 * and hidden whispers and the authors the viewer blocked, muted, or was blocked by; a
 * whisper, thread or feed out of the viewer's reach ({@link WhisperAccess}) is 404.
 */
@Service
class WhisperFeeds {

	private final WhisperQueries queries;

	private final ProfileService profiles;

	private final StoryVisibility stories;

	private final WhisperAccess access;

	private final SocialService social;

	private final UploadService uploads;

	private final CursorCodec cursors;

	WhisperFeeds(WhisperQueries queries, ProfileService profiles, StoryVisibility stories, WhisperAccess access,
			SocialService social, UploadService uploads, CursorCodec cursors) {
		this.queries = queries;
		this.profiles = profiles;
		this.stories = stories;
		this.access = access;
		this.social = social;
		this.uploads = uploads;
		this.cursors = cursors;
	}

	/**
	 * One whisper, also from a muted author; 404 when out of the viewer's reach (deleted,
	 * hidden, its root or story gone) or across a block.
	 * @param viewer the caller, or {@code null}
	 * @param whisperId the whisper
	 * @return the whisper
	 */
	@Transactional(readOnly = true)
	WhisperView get(@Nullable CurrentUser viewer, UUID whisperId) {
		WhisperRow whisper = reachedByViewer(viewer, whisperId);
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
		Object target;
		switch (scope) {
			case GLOBAL -> {
				list = "whispers.global";
				target = Scope.GLOBAL.name();
			}
			case STORY -> {
				if (storyId == null) {
					throw ApiException.invalidField("story_id", "is required for the story feed");
				}
				if (!this.stories.isStoryVisibleTo(viewerId(viewer), storyId)) {
					throw ApiException.notFound("Story");
				}
				list = "whispers.story:" + storyId;
				target = storyId;
			}
			default -> {
				if (highlightId == null) {
					throw ApiException.invalidField("highlight_id", "is required for the highlight feed");
				}
				if (!this.access.isPassageVisible(viewerId(viewer), highlightId)) {
					throw ApiException.notFound("Highlight");
				}
				list = "whispers.highlight:" + highlightId;
				target = highlightId;
			}
		}
		Keyset after = Keyset.after(this.cursors, list, page);
		Set<UUID> hidden = this.social.hiddenFromFeeds((viewer != null) ? viewer.id() : null);
		List<WhisperRow> rows = this.queries.feedPage(scope, target, hidden, after, page.fetchSize());
		return CursorPage.of(rows, page, (row) -> new Keyset(row.createdAt(), row.id()).encode(this.cursors, list))
			.map(views(viewer, rows));
	}

	/**
	 * A thread's replies, oldest first; 404 when the thread is out of the viewer's reach.
	 * @param viewer the caller, or {@code null}
	 * @param whisperId the root (or any whisper of the thread)
	 * @param page the page
	 * @return the replies
	 */
	@Transactional(readOnly = true)
	CursorPage<WhisperView> replies(@Nullable CurrentUser viewer, UUID whisperId, PageParams page) {
		WhisperRow whisper = reachedByViewer(viewer, whisperId);
		UUID rootId = whisper.rootId();
		String list = "whispers.replies:" + rootId;
		Keyset after = Keyset.after(this.cursors, list, page);
		Set<UUID> hidden = this.social.hiddenFromFeeds((viewer != null) ? viewer.id() : null);
		List<WhisperRow> rows = this.queries.repliesPage(rootId, hidden, after, page.fetchSize());
		return CursorPage.of(rows, page, (row) -> new Keyset(row.createdAt(), row.id()).encode(this.cursors, list))
			.map(views(viewer, rows));
	}

	/**
	 * Maps a page of whispers to views with two batch queries (authors, the viewer's
	 * likes).
	 */
	Function<WhisperRow, WhisperView> views(@Nullable CurrentUser viewer, List<WhisperRow> rows) {
		Set<UUID> authorIds = new HashSet<>();
		rows.forEach((row) -> authorIds.add(row.userId()));
		Map<UUID, UserSummary> authors = this.profiles.summaries(authorIds);
		Set<UUID> liked = (viewer == null || rows.isEmpty()) ? Set.of()
				: new HashSet<>(this.queries.likedBy(viewer.id(), rows.stream().map(WhisperRow::id).toList()));
		return (row) -> new WhisperView(row.id(), row.content(), row.scope().name(), row.storyId(), row.highlightId(),
				row.parentId(), this.uploads.publicUrl(row.mediaKey()), authors.get(row.userId()), row.likeCount(),
				row.replyCount(), liked.contains(row.id()), row.createdAt());
	}

	private WhisperRow reachedByViewer(@Nullable CurrentUser viewer, UUID whisperId) {
		WhisperAccess.Reached reached = this.access.reach(viewerId(viewer), whisperId);
		if (reached.authorBlocked()) {
			throw ApiException.notFound("Whisper");
		}
		return reached.whisper();
	}

	private static @Nullable UUID viewerId(@Nullable CurrentUser viewer) {
		return (viewer != null) ? viewer.id() : null;
	}

}
