package com.muejam.moderation;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.error.ApiException;
import com.muejam.core.pagination.CursorCodec;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.Keyset;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.ratelimit.RateLimiter;
import com.muejam.core.security.CurrentUser;
import com.muejam.moderation.ModerationRequests.CreateReport;
import com.muejam.moderation.ModerationViews.QueueItem;
import com.muejam.moderation.ModerationViews.ReportView;
import com.muejam.stories.ChapterService;
import com.muejam.stories.StoryService;
import com.muejam.stories.StoryVisibility;
import com.muejam.users.ProfileService;
import com.muejam.whispers.WhisperService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports and the moderators' decisions. One open report per reporter and target (a
 * repeat returns it); a target nobody may see (a draft, deleted or hidden content) is
 * 404. Only moderators see the queue and act; resolving a report closes every open report
 * on the same target and is written to the append-only audit log.
 */
@Service
class ModerationService {

	static final String REPORT_POLICY = "reports";

	private final ModerationQueries queries;

	private final ProfileService profiles;

	private final StoryService stories;

	private final ChapterService chapters;

	private final StoryVisibility visibility;

	private final WhisperService whispers;

	private final RateLimiter rateLimiter;

	private final CursorCodec cursors;

	private final Clock clock;

	ModerationService(ModerationQueries queries, ProfileService profiles, StoryService stories, ChapterService chapters,
			StoryVisibility visibility, WhisperService whispers, RateLimiter rateLimiter, CursorCodec cursors,
			Clock clock) {
		this.queries = queries;
		this.profiles = profiles;
		this.stories = stories;
		this.chapters = chapters;
		this.visibility = visibility;
		this.whispers = whispers;
		this.rateLimiter = rateLimiter;
		this.cursors = cursors;
		this.clock = clock;
	}

	@Transactional
	Reported report(CurrentUser user, CreateReport request) {
		Map<TargetType, UUID> targets = new EnumMap<>(TargetType.class);
		put(targets, TargetType.STORY, request.storyId());
		put(targets, TargetType.CHAPTER, request.chapterId());
		put(targets, TargetType.WHISPER, request.whisperId());
		put(targets, TargetType.USER, request.reportedUserId());
		if (targets.size() != 1) {
			throw ApiException.invalidField("target",
					"give exactly one of story_id, chapter_id, whisper_id, reported_user_id");
		}
		Map.Entry<TargetType, UUID> entry = targets.entrySet().iterator().next();
		TargetType type = entry.getKey();
		UUID target = entry.getValue();
		boolean exists = switch (type) {
			case STORY -> this.visibility.isStoryVisibleTo(null, target);
			case CHAPTER -> this.visibility.readablePlace(null, target).isPresent();
			case WHISPER -> this.whispers.isVisible(target);
			case USER -> this.profiles.exists(target);
		};
		if (!exists) {
			throw ApiException.notFound("Report target");
		}
		this.rateLimiter.enforce(REPORT_POLICY, user.id().toString());
		Optional<UUID> created = this.queries.fileReport(user.id(), type, target, request.reason().strip(),
				this.clock.instant());
		UUID id = created.orElseGet(() -> this.queries.openReport(user.id(), type, target));
		return new Reported(this.queries.mine(user.id(), id), created.isPresent());
	}

	@Transactional(readOnly = true)
	CursorPage<ReportView> myReports(CurrentUser user, PageParams page) {
		Keyset after = Keyset.after(this.cursors, "reports.mine", page);
		List<ReportView> rows = this.queries.mine(user.id(), after, page.fetchSize());
		return CursorPage.of(rows, page, (r) -> new Keyset(r.createdAt(), r.id()).encode(this.cursors, "reports.mine"));
	}

	@Transactional(readOnly = true)
	CursorPage<QueueItem> queue(CurrentUser moderator, @Nullable String status, PageParams page) {
		requireModerator(moderator);
		ReportStatus wanted = (status != null) ? ReportStatus.fromWire(status) : ReportStatus.PENDING;
		String list = "moderation.queue:" + wanted.name();
		Keyset after = Keyset.after(this.cursors, list, page);
		List<QueueItem> rows = this.queries.queue(wanted, after, page.fetchSize());
		return CursorPage.of(rows, page, (r) -> new Keyset(r.createdAt(), r.id()).encode(this.cursors, list));
	}

	@Transactional
	QueueItem resolve(CurrentUser moderator, UUID reportId, Decision decision, @Nullable String note) {
		requireModerator(moderator);
		Report report = this.queries.lockReport(reportId).orElseThrow(() -> ApiException.notFound("Report")).resolve();
		UUID target = report.targetId();
		switch (decision) {
			case HIDE_CONTENT -> hide(report).orElseThrow(() -> ApiException.notFound("Report target"));
			case SUSPEND_USER -> {
				UUID user = this.queries.authorOf(report.targetType(), target)
					.orElseThrow(() -> ApiException.notFound("Report target"));
				this.profiles.setSuspended(user, true);
				this.queries.audit(moderator.id(), ModerationAction.SUSPEND_USER, reportId, TargetType.USER, user,
						note);
			}
			case DISMISS -> {
			}
		}
		this.queries.resolveOpenReports(target, decision, note, moderator.id(), this.clock.instant());
		this.queries.audit(moderator.id(), ModerationAction.of(decision), reportId, report.targetType(), target, note);
		return this.queries.queueItem(reportId).orElseThrow(() -> ApiException.notFound("Report"));
	}

	@Transactional
	void unsuspend(CurrentUser moderator, UUID userId) {
		requireModerator(moderator);
		if (!this.profiles.setSuspended(userId, false)) {
			throw ApiException.notFound("User");
		}
		this.queries.audit(moderator.id(), ModerationAction.UNSUSPEND_USER, null, TargetType.USER, userId, null);
	}

	/**
	 * Hides the reported content from everybody but moderators.
	 * @return the hidden content's id, empty if it is gone
	 */
	private Optional<UUID> hide(Report report) {
		return switch (report.targetType()) {
			case STORY -> this.stories.hide(report.targetId());
			case CHAPTER -> this.chapters.hide(report.targetId());
			case WHISPER -> this.whispers.hide(report.targetId());
			case USER ->
				throw ApiException.invalidField("action", "a reported user has no content to hide; suspend instead");
		};
	}

	private static void requireModerator(CurrentUser user) {
		if (!user.isModerator()) {
			throw ApiException.forbidden("Moderators only");
		}
	}

	private static void put(Map<TargetType, UUID> targets, TargetType type, @Nullable UUID value) {
		if (value != null) {
			targets.put(type, value);
		}
	}

	/**
	 * @param report the report
	 * @param created whether this request filed it
	 */
	record Reported(ReportView report, boolean created) {
	}

}
