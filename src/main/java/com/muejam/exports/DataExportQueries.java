package com.muejam.exports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of personal data exports: asking for one, following it, and expiring it.
 */
@Component
class DataExportQueries {

	private static final String COLUMNS = "id, user_id, status, requested_at, ready_at, expires_at, object_key, size_bytes";

	private final JdbcClient jdbc;

	DataExportQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a request, unless the user has one in preparation (the partial unique index
	 * decides, whatever the races) or asked less than {@code interval} ago.
	 * @return the new export, empty when refused
	 */
	Optional<UUID> request(UUID userId, Instant now, Duration interval) {
		return this.jdbc.sql("""
				insert into data_exports (user_id, requested_at)
				select :user, :now
				where not exists (select 1 from data_exports where user_id = :user and requested_at > :since)
				on conflict (user_id) where status = 'pending' do nothing
				returning id""")
			.param("user", userId)
			.param("now", Timestamp.from(now))
			.param("since", Timestamp.from(now.minus(interval)))
			.query(UUID.class)
			.optional();
	}

	/**
	 * The user's latest export.
	 */
	Optional<DataExportRow> latest(UUID userId) {
		return this.jdbc
			.sql("select %s from data_exports where user_id = :user order by requested_at desc limit 1"
				.formatted(COLUMNS))
			.param("user", userId)
			.query(DataExportQueries::row)
			.optional();
	}

	Optional<DataExportRow> byId(UUID id) {
		return this.jdbc.sql("select %s from data_exports where id = :id".formatted(COLUMNS))
			.param("id", id)
			.query(DataExportQueries::row)
			.optional();
	}

	/**
	 * Records a pending export's file.
	 * @return the export, empty when it was not pending (made already)
	 */
	Optional<DataExportRow> markReady(UUID id, String objectKey, long sizeBytes, Instant now, Instant expiresAt) {
		return this.jdbc.sql("""
				update data_exports set status = 'ready', object_key = :key, size_bytes = :size, ready_at = :now,
				    expires_at = :expires
				where id = :id and status = 'pending'
				returning %s""".formatted(COLUMNS))
			.param("id", id)
			.param("key", objectKey)
			.param("size", sizeBytes)
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expiresAt))
			.query(DataExportQueries::row)
			.optional();
	}

	/**
	 * Marks the exports whose link expired, or of the given user, {@code expired}.
	 * @param now the moment
	 * @param userId also every ready export of this user, or {@code null}
	 * @return the keys of their files, to delete
	 */
	List<String> expire(Instant now, @Nullable UUID userId) {
		return this.jdbc.sql("""
				with expired as (
				    select id, object_key from data_exports
				    where status = 'ready' and (expires_at <= :now or user_id = :user)
				    for update skip locked)
				update data_exports d set status = 'expired', object_key = null
				from expired where d.id = expired.id
				returning expired.object_key""")
			.param("now", Timestamp.from(now))
			.param("user", (userId != null) ? userId : new UUID(0, 0))
			.query(String.class)
			.list();
	}

	private static DataExportRow row(ResultSet rs, int n) throws SQLException {
		return new DataExportRow(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
				rs.getString("status"), rs.getTimestamp("requested_at").toInstant(), instant(rs, "ready_at"),
				instant(rs, "expires_at"), rs.getString("object_key"), rs.getObject("size_bytes", Long.class));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * An export as stored.
	 *
	 * @param id the export
	 * @param userId whose data
	 * @param status {@code pending}, {@code ready} or {@code expired}
	 * @param requestedAt when it was asked for
	 * @param readyAt when it was made
	 * @param expiresAt when its link stops working
	 * @param objectKey where its file is, while ready
	 * @param sizeBytes the file's size
	 */
	record DataExportRow(UUID id, UUID userId, String status, Instant requestedAt, @Nullable Instant readyAt,
			@Nullable Instant expiresAt, @Nullable String objectKey, @Nullable Long sizeBytes) {
	}

}
