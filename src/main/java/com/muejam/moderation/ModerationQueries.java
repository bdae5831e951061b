package com.muejam.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.pagination.Keyset;
import com.muejam.moderation.ModerationViews.QueueItem;
import com.muejam.moderation.ModerationViews.ReportView;
import com.muejam.moderation.ModerationViews.Target;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every statement of the moderation module: filing reports, the reporters' and the
 * moderators' pages (one statement each, the target's summary and open report count
 * included), locking a report for a decision, closing a target's open reports and the
 * append-only audit log.
 */
@Component
class ModerationQueries {

	private static final String TARGET_SQL = """
			case when r.story_id is not null then 'STORY' when r.chapter_id is not null then 'CHAPTER'
			     when r.whisper_id is not null then 'WHISPER' else 'USER' end as target_type,
			coalesce(r.story_id, r.chapter_id, r.whisper_id, r.reported_user_id) as target_id""";

	private static final String QUEUE_ITEM_SQL = """
			select r.id, r.status, r.reason, r.reporter_id, r.resolution, r.resolution_note, r.created_at, %s,
			       coalesce((select title from stories where id = r.story_id),
			                (select title from chapters where id = r.chapter_id),
			                (select left(content, 140) from whispers where id = r.whisper_id),
			                (select handle from user_profiles where id = r.reported_user_id)) as summary,
			       (select count(*) from reports o where o.status <> :resolved
			          and coalesce(o.story_id, o.chapter_id, o.whisper_id, o.reported_user_id)
			            = coalesce(r.story_id, r.chapter_id, r.whisper_id, r.reported_user_id)) as report_count
			from reports r""".formatted(TARGET_SQL);

	private static final String REPORT_VIEW_SQL = """
			select r.id, r.status, r.reason, r.resolution, r.created_at, %s from reports r""".formatted(TARGET_SQL);

	private final JdbcClient jdbc;

	ModerationQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Files a report unless the reporter has one open on the same target.
	 * @param reporter who reports
	 * @param type what kind of target
	 * @param target the target's id
	 * @param reason the reporter's words
	 * @param now the filing time
	 * @return the new report's id, empty if one was already open
	 */
	Optional<UUID> fileReport(UUID reporter, TargetType type, UUID target, String reason, Instant now) {
		// a literal status: ON CONFLICT must name the open-report index's predicate
		// itself
		return this.jdbc.sql("""
				insert into reports (reporter_id, %s, reason, created_at) values (:reporter, :target, :reason, :now)
				on conflict (reporter_id, coalesce(story_id, chapter_id, whisper_id, reported_user_id))
				where status <> 'RESOLVED' do nothing returning id""".formatted(type.column()))
			.param("reporter", reporter)
			.param("target", target)
			.param("reason", reason)
			.param("now", Timestamp.from(now))
			.query(UUID.class)
			.optional();
	}

	/**
	 * The reporter's open report on a target.
	 * @param reporter who reported
	 * @param type what kind of target
	 * @param target the target's id
	 * @return the report's id
	 */
	UUID openReport(UUID reporter, TargetType type, UUID target) {
		return this.jdbc
			.sql("""
					select id from reports where reporter_id = :reporter and %s = :target and status <> :resolved"""
				.formatted(type.column()))
			.param("resolved", ReportStatus.RESOLVED.name())
			.param("reporter", reporter)
			.param("target", target)
			.query(UUID.class)
			.single();
	}

	/**
	 * One report as its reporter sees it.
	 * @param reporter who reported
	 * @param reportId the report
	 * @return the report
	 */
	ReportView mine(UUID reporter, UUID reportId) {
		return this.jdbc.sql("""
				%s where r.id = :id and r.reporter_id = :reporter""".formatted(REPORT_VIEW_SQL))
			.param("id", reportId)
			.param("reporter", reporter)
			.query(ModerationQueries::reportView)
			.single();
	}

	/**
	 * A page of the reporter's reports, newest first.
	 * @param reporter who reported
	 * @param after the position to continue after, or {@code null}
	 * @param limit rows to fetch
	 * @return the reports
	 */
	List<ReportView> mine(UUID reporter, @Nullable Keyset after, int limit) {
		return this.jdbc
			.sql("""
					%s where r.reporter_id = :user %s
					order by r.created_at desc, r.id desc limit :limit""".formatted(REPORT_VIEW_SQL,
					Keyset.seekDescending(after, "r.created_at, r.id")))
			.param("user", reporter)
			.param("limit", limit)
			.params(Keyset.params(after))
			.query(ModerationQueries::reportView)
			.list();
	}

	/**
	 * A page of the queue, oldest first.
	 * @param status the reports' status
	 * @param after the position to continue after, or {@code null}
	 * @param limit rows to fetch
	 * @return the reports
	 */
	List<QueueItem> queue(ReportStatus status, @Nullable Keyset after, int limit) {
		return this.jdbc
			.sql("""
					%s where r.status = :status %s
					order by r.created_at, r.id limit :limit""".formatted(QUEUE_ITEM_SQL,
					Keyset.seekAscending(after, "r.created_at, r.id")))
			.param("status", status.name())
			.param("resolved", ReportStatus.RESOLVED.name())
			.param("limit", limit)
			.params(Keyset.params(after))
			.query(ModerationQueries::queueItem)
			.list();
	}

	/**
	 * One report as moderators see it.
	 * @param reportId the report
	 * @return the report, empty if unknown
	 */
	Optional<QueueItem> queueItem(UUID reportId) {
		return this.jdbc.sql("""
				%s where r.id = :id""".formatted(QUEUE_ITEM_SQL))
			.param("id", reportId)
			.param("resolved", ReportStatus.RESOLVED.name())
			.query(ModerationQueries::queueItem)
			.optional();
	}

	/**
	 * A report, locked until the transaction ends so that two decisions on it cannot
	 * cross.
	 * @param reportId the report
	 * @return the report, empty if unknown
	 */
	Optional<Report> lockReport(UUID reportId) {
		return this.jdbc
			.sql("select r.id, r.status, %s from reports r where r.id = :id for update".formatted(TARGET_SQL))
			.param("id", reportId)
			.query((rs, n) -> new Report(rs.getObject("id", UUID.class), ReportStatus.valueOf(rs.getString("status")),
					TargetType.valueOf(rs.getString("target_type")), rs.getObject("target_id", UUID.class)))
			.optional();
	}

	/**
	 * Who answers for a target: the user themselves, or the content's author.
	 * @param type what kind of target
	 * @param target the target's id
	 * @return the user, empty if the target is gone
	 */
	Optional<UUID> authorOf(TargetType type, UUID target) {
		String sql = switch (type) {
			case USER -> "select id from user_profiles where id = :id";
			case STORY -> "select author_id from stories where id = :id";
			case CHAPTER -> "select s.author_id from chapters c join stories s on s.id = c.story_id where c.id = :id";
			case WHISPER -> "select user_id from whispers where id = :id";
		};
		return this.jdbc.sql(sql).param("id", target).query(UUID.class).optional();
	}

	/**
	 * Resolves every open report on a target with one decision.
	 * @param target the target's id
	 * @param decision the decision
	 * @param note the moderator's note
	 * @param moderator who decided
	 * @param now when
	 */
	void resolveOpenReports(UUID target, Decision decision, @Nullable String note, UUID moderator, Instant now) {
		this.jdbc.sql("""
				update reports set status = :resolved, resolution = :decision, resolution_note = :note,
				    resolved_by = :moderator, resolved_at = :now
				where status <> :resolved and coalesce(story_id, chapter_id, whisper_id, reported_user_id) = :target""")
			.param("resolved", ReportStatus.RESOLVED.name())
			.param("decision", decision.name())
			.param("note", note)
			.param("moderator", moderator)
			.param("now", Timestamp.from(now))
			.param("target", target)
			.update();
	}

	/**
	 * Appends to the audit log.
	 * @param moderator who acted
	 * @param action what they did
	 * @param reportId the report it answered, if any
	 * @param targetType what kind of target
	 * @param targetId the target's id
	 * @param note the moderator's note
	 */
	void audit(UUID moderator, ModerationAction action, @Nullable UUID reportId, TargetType targetType, UUID targetId,
			@Nullable String note) {
		this.jdbc.sql("""
				insert into moderation_actions (moderator_id, action, report_id, target_type, target_id, note)
				values (:moderator, :action, :report, :type, :target, :note)""")
			.param("moderator", moderator)
			.param("action", action.name())
			.param("report", reportId)
			.param("type", targetType.name())
			.param("target", targetId)
			.param("note", note)
			.update();
	}

	private static Target target(ResultSet rs, @Nullable String summary) throws SQLException {
		return new Target(TargetType.valueOf(rs.getString("target_type")), rs.getObject("target_id", UUID.class),
				summary);
	}

	private static ReportView reportView(ResultSet rs, int n) throws SQLException {
		return new ReportView(rs.getObject("id", UUID.class), ReportStatus.valueOf(rs.getString("status")),
				target(rs, null), rs.getString("reason"), rs.getString("resolution"),
				rs.getTimestamp("created_at").toInstant());
	}

	private static QueueItem queueItem(ResultSet rs, int n) throws SQLException {
		return new QueueItem(rs.getObject("id", UUID.class), ReportStatus.valueOf(rs.getString("status")),
				target(rs, rs.getString("summary")), rs.getString("reason"), rs.getObject("reporter_id", UUID.class),
				rs.getInt("report_count"), rs.getString("resolution"), rs.getString("resolution_note"),
				rs.getTimestamp("created_at").toInstant());
	}

}
