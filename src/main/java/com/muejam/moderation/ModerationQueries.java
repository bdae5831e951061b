package com.muejam.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.pagination.Keyset;
import com.muejam.moderation.ModerationViews.QueueItem;
import com.muejam.moderation.ModerationViews.Target;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The moderators' read side: queue pages and single reports with the target's summary and
 * how many open reports it has, one statement each.
 */
@Component
class ModerationQueries {

	static final String TARGET_SQL = """
			case when r.story_id is not null then 'STORY' when r.chapter_id is not null then 'CHAPTER'
			     when r.whisper_id is not null then 'WHISPER' else 'USER' end as target_type,
			coalesce(r.story_id, r.chapter_id, r.whisper_id, r.reported_user_id) as target_id""";

	private static final String QUEUE_ITEM_SQL = """
			select r.id, r.status, r.reason, r.reporter_id, r.resolution, r.resolution_note, r.created_at, %s,
			       coalesce((select title from stories where id = r.story_id),
			                (select title from chapters where id = r.chapter_id),
			                (select left(content, 140) from whispers where id = r.whisper_id),
			                (select handle from user_profiles where id = r.reported_user_id)) as summary,
			       (select count(*) from reports o where o.status <> 'RESOLVED'
			          and coalesce(o.story_id, o.chapter_id, o.whisper_id, o.reported_user_id)
			            = coalesce(r.story_id, r.chapter_id, r.whisper_id, r.reported_user_id)) as report_count
			from reports r""".formatted(TARGET_SQL);

	private final JdbcClient jdbc;

	ModerationQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A page of the queue, oldest first.
	 * @param status the reports' status
	 * @param after the position to continue after, or {@code null}
	 * @param limit rows to fetch
	 * @return the reports
	 */
	List<QueueItem> queue(String status, @Nullable Keyset after, int limit) {
		return this.jdbc
			.sql(QUEUE_ITEM_SQL + " where r.status = :status %s order by r.created_at, r.id limit :limit"
				.formatted(Keyset.seekAscending(after, "r.created_at, r.id")))
			.param("status", status)
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
		return this.jdbc.sql(QUEUE_ITEM_SQL + " where r.id = :id")
			.param("id", reportId)
			.query(ModerationQueries::queueItem)
			.optional();
	}

	private static QueueItem queueItem(ResultSet rs, int n) throws SQLException {
		return new QueueItem(rs.getObject("id", UUID.class), rs.getString("status"),
				new Target(rs.getString("target_type"), rs.getObject("target_id", UUID.class), rs.getString("summary")),
				rs.getString("reason"), rs.getObject("reporter_id", UUID.class), rs.getInt("report_count"),
				rs.getString("resolution"), rs.getString("resolution_note"), rs.getTimestamp("created_at").toInstant());
	}

}
