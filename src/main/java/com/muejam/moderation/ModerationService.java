package com.muejam.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.error.ApiException;
import com.muejam.core.error.ErrorCode;
import com.muejam.core.pagination.CursorCodec;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.Keyset;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.ratelimit.RateLimiter;
import com.muejam.core.security.CurrentUser;
import com.muejam.moderation.ModerationViews.CreateReport;
import com.muejam.moderation.ModerationViews.QueueItem;
import com.muejam.moderation.ModerationViews.ReportView;
import com.muejam.moderation.ModerationViews.Target;
import com.muejam.stories.ChapterService;
import com.muejam.stories.StoryService;
import com.muejam.stories.StoryVisibility;
import com.muejam.users.ProfileService;
import com.muejam.whispers.WhisperService;

import org.springframework.jdbc.core.simple.JdbcClient;
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

	private static final String TARGET_SQL = ModerationQueries.TARGET_SQL;

	private final JdbcClient jdbc;

	private final ModerationQueries queries;

	private final ProfileService profiles;

	private final StoryService stories;

	private final ChapterService chapters;

	private final StoryVisibility visibility;

	private final WhisperService whispers;

	private final RateLimiter rateLimiter;

	private final CursorCodec cursors;

	private final Clock clock;

	ModerationService(JdbcClient jdbc, ModerationQueries queries, ProfileService profiles, StoryService stories,
			ChapterService chapters, StoryVisibility visibility, WhisperService whispers, RateLimiter rateLimiter,
			CursorCodec cursors, Clock clock) {
		this.jdbc = jdbc;
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
		Map<String, UUID> targets = new java.util.LinkedHashMap<>();
		put(targets, "story_id", request.storyId());
		put(targets, "chapter_id", request.chapterId());
		put(targets, "whisper_id", request.whisperId());
		put(targets, "reported_user_id", request.reportedUserId());
		if (targets.size() != 1) {
			throw ApiException.invalidField("target",
					"give exactly one of story_id, chapter_id, whisper_id, reported_user_id");
		}
		String column = targets.keySet().iterator().next();
		UUID target = targets.get(column);
		boolean exists = switch (column) {
			case "story_id" -> this.visibility.isStoryVisibleTo(null, target);
			case "chapter_id" -> this.visibility.readableChapter(null, target).isPresent();
			case "whisper_id" -> this.whispers.isVisible(target);
			default -> this.profiles.exists(target);
		};
		if (!exists) {
			throw ApiException.notFound("Report target");
		}
		this.rateLimiter.enforce(REPORT_POLICY, user.id().toString());
		Optional<UUID> created = this.jdbc.sql("""
				insert into reports (reporter_id, %s, reason, created_at) values (:reporter, :target, :reason, :now)
				on conflict (reporter_id, coalesce(story_id, chapter_id, whisper_id, reported_user_id))
				where status <> 'RESOLVED' do nothing returning id""".formatted(column))
			.param("reporter", user.id())
			.param("target", target)
			.param("reason", request.reason().strip())
			.param("now", Timestamp.from(this.clock.instant()))
			.query(UUID.class)
			.optional();
		UUID id = created
			.orElseGet(() -> this.jdbc
				.sql("""
						select id from reports where reporter_id = :reporter and %s = :target and status <> 'RESOLVED'"""
					.formatted(column))
				.param("reporter", user.id())
				.param("target", target)
				.query(UUID.class)
				.single());
		return new Reported(mine(user.id(), id), created.isPresent());
	}

	@Transactional(readOnly = true)
	CursorPage<ReportView> myReports(CurrentUser user, PageParams page) {
		Keyset after = (page.cursor() != null) ? Keyset.decode(this.cursors, "reports.mine", page.cursor()) : null;
		List<ReportView> rows = this.jdbc
			.sql("""
					select r.id, r.status, r.reason, r.resolution, r.created_at, %s from reports r
					where r.reporter_id = :user %s order by r.created_at desc, r.id desc limit :limit"""
				.formatted(TARGET_SQL, Keyset.seekDescending(after, "r.created_at, r.id")))
			.param("user", user.id())
			.param("limit", page.fetchSize())
			.params(Keyset.params(after))
			.query(ModerationService::reportView)
			.list();
		return CursorPage.of(rows, page, (r) -> new Keyset(r.createdAt(), r.id()).encode(this.cursors, "reports.mine"));
	}

	@Transactional(readOnly = true)
	CursorPage<QueueItem> queue(CurrentUser moderator, @Nullable String status, PageParams page) {
		requireModerator(moderator);
		String wanted = (status == null) ? "PENDING" : status.strip().toUpperCase(Locale.ROOT);
		if (!List.of("PENDING", "REVIEWED", "RESOLVED").contains(wanted)) {
			throw ApiException.invalidField("status", "must be PENDING, REVIEWED or RESOLVED");
		}
		String list = "moderation.queue:" + wanted;
		Keyset after = (page.cursor() != null) ? Keyset.decode(this.cursors, list, page.cursor()) : null;
		List<QueueItem> rows = this.queries.queue(wanted, after, page.fetchSize());
		return CursorPage.of(rows, page, (r) -> new Keyset(r.createdAt(), r.id()).encode(this.cursors, list));
	}

	@Transactional
	QueueItem resolve(CurrentUser moderator, UUID reportId, String action, @Nullable String note) {
		requireModerator(moderator);
		String decision = switch (action.strip().toLowerCase(Locale.ROOT)) {
			case "dismiss" -> "DISMISS";
			case "hide_content" -> "HIDE_CONTENT";
			case "suspend_user" -> "SUSPEND_USER";
			default -> throw ApiException.invalidField("action", "must be dismiss, hide_content or suspend_user");
		};
		Map<String, Object> report = this.jdbc
			.sql("select r.status, %s from reports r where r.id = :id for update".formatted(TARGET_SQL))
			.param("id", reportId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("Report"));
		if ("RESOLVED".equals(report.get("status"))) {
			throw new ApiException(ErrorCode.CONFLICT, "This report is already resolved");
		}
		String type = (String) report.get("target_type");
		UUID target = (UUID) report.get("target_id");
		switch (decision) {
			case "HIDE_CONTENT" -> {
				Optional<UUID> hidden = switch (type) {
					case "STORY" -> this.stories.hide(target);
					case "CHAPTER" -> this.chapters.hide(target);
					case "WHISPER" -> this.whispers.hide(target);
					default -> throw ApiException.invalidField("action",
							"a reported user has no content to hide; suspend instead");
				};
				hidden.orElseThrow(() -> ApiException.notFound("Report target"));
			}
			case "SUSPEND_USER" -> {
				String author = switch (type) {
					case "USER" -> "select id from user_profiles where id = :id";
					case "STORY" -> "select author_id from stories where id = :id";
					case "CHAPTER" ->
						"select s.author_id from chapters c join stories s on s.id = c.story_id where c.id = :id";
					default -> "select user_id from whispers where id = :id";
				};
				UUID user = this.jdbc.sql(author)
					.param("id", target)
					.query(UUID.class)
					.optional()
					.orElseThrow(() -> ApiException.notFound("Report target"));
				this.profiles.setSuspended(user, true);
				audit(moderator, "SUSPEND_USER", reportId, "USER", user, note);
			}
			default -> {
			}
		}
		Instant now = this.clock.instant();
		this.jdbc
			.sql("""
					update reports set status = 'RESOLVED', resolution = :decision, resolution_note = :note,
					    resolved_by = :moderator, resolved_at = :now
					where status <> 'RESOLVED' and coalesce(story_id, chapter_id, whisper_id, reported_user_id) = :target""")
			.param("decision", decision)
			.param("note", note)
			.param("moderator", moderator.id())
			.param("now", Timestamp.from(now))
			.param("target", target)
			.update();
		audit(moderator, decision, reportId, type, target, note);
		return this.queries.queueItem(reportId).orElseThrow(() -> ApiException.notFound("Report"));
	}

	@Transactional
	void unsuspend(CurrentUser moderator, UUID userId) {
		requireModerator(moderator);
		if (!this.profiles.setSuspended(userId, false)) {
			throw ApiException.notFound("User");
		}
		audit(moderator, "UNSUSPEND_USER", null, "USER", userId, null);
	}

	private void audit(CurrentUser moderator, String action, @Nullable UUID reportId, String targetType, UUID targetId,
			@Nullable String note) {
		this.jdbc.sql("""
				insert into moderation_actions (moderator_id, action, report_id, target_type, target_id, note)
				values (:moderator, :action, :report, :type, :target, :note)""")
			.param("moderator", moderator.id())
			.param("action", action)
			.param("report", reportId)
			.param("type", targetType)
			.param("target", targetId)
			.param("note", note)
			.update();
	}

	private ReportView mine(UUID reporter, UUID reportId) {
		return this.jdbc.sql("""
				select r.id, r.status, r.reason, r.resolution, r.created_at, %s from reports r
				where r.id = :id and r.reporter_id = :reporter""".formatted(TARGET_SQL))
			.param("id", reportId)
			.param("reporter", reporter)
			.query(ModerationService::reportView)
			.single();
	}

	private static ReportView reportView(ResultSet rs, int n) throws SQLException {
		return new ReportView(rs.getObject("id", UUID.class), rs.getString("status"),
				new Target(rs.getString("target_type"), rs.getObject("target_id", UUID.class), null),
				rs.getString("reason"), rs.getString("resolution"), rs.getTimestamp("created_at").toInstant());
	}

	private static void requireModerator(CurrentUser user) {
		if (!user.isModerator()) {
			throw ApiException.forbidden("Moderators only");
		}
	}

	private static void put(Map<String, UUID> targets, String name, @Nullable UUID value) {
		if (value != null) {
			targets.put(name, value);
		}
	}

	/**
	 * @param report the report
	 * @param created whether this request filed it
	 */
	record Reported(ReportView report, boolean created) {
	}

}
