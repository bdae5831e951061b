package com.muejam.uploads;

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
 * The SQL of uploads: the keys issued to users, their first reference, and the cleanup of
 * keys never referenced.
 */
@Component
final class UploadQueries {

	private final JdbcClient jdbc;

	UploadQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a key issued to a user.
	 * @param key the object key
	 * @param userId the user it was issued to
	 * @param type the upload type's path
	 * @param contentType the declared content type
	 * @param length the declared length in bytes
	 * @param expiresAt when the presigned URL stops working
	 */
	void insertIssued(String key, UUID userId, String type, String contentType, long length, Instant expiresAt) {
		this.jdbc.sql("""
				insert into uploads (object_key, user_id, type, content_type, content_length, expires_at)
				values (:key, :user, :type, :contentType, :length, :expires)""")
			.param("key", key)
			.param("user", userId)
			.param("type", type)
			.param("contentType", contentType)
			.param("length", length)
			.param("expires", Timestamp.from(expiresAt))
			.update();
	}

	/**
	 * The upload of a key issued to a user for a type.
	 * @param key the object key
	 * @param userId the user
	 * @param type the upload type's path
	 * @return the upload, empty when the key was not issued to the user for that type
	 */
	Optional<IssuedUpload> issuedTo(String key, UUID userId, String type) {
		return this.jdbc.sql("""
				select content_type, content_length, referenced_at from uploads
				where object_key = :key and user_id = :user and type = :type""")
			.param("key", key)
			.param("user", userId)
			.param("type", type)
			.query((rs, n) -> new IssuedUpload(rs.getString("content_type"), rs.getLong("content_length"),
					rs.getTimestamp("referenced_at") != null))
			.optional();
	}

	/**
	 * Whether an upload was referenced (and so its bytes checked for its image type).
	 * @param objectKey the key
	 * @return {@code true} once a profile, story or whisper referenced it
	 */
	boolean isReferenced(String objectKey) {
		return this.jdbc
			.sql("select exists (select 1 from uploads where object_key = :key and referenced_at is not null)")
			.param("key", objectKey)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Marks a key uploaded and referenced.
	 * @param key the object key
	 * @return rows updated: zero when the cleanup job deleted it meanwhile
	 */
	int markReferenced(String key) {
		return this.jdbc.sql("""
				update uploads set uploaded_at = coalesce(uploaded_at, now()), referenced_at = now()
				where object_key = :key""").param("key", key).update();
	}

	/**
	 * Deletes up to 1000 uploads never referenced within the given time of being issued,
	 * skipping rows locked by a reference in progress.
	 * @param ttl how long an unreferenced upload is kept
	 * @return the deleted keys
	 */
	List<String> deleteUnreferenced(Duration ttl) {
		return this.jdbc.sql("""
				delete from uploads where object_key in (
				    select object_key from uploads
				    where referenced_at is null and created_at < now() - cast(:ttl as interval)
				    order by created_at limit 1000
				    for update skip locked)
				returning object_key""").param("ttl", ttl.toSeconds() + " seconds").query(String.class).list();
	}

	/**
	 * Marks a key uploaded.
	 * @param key the object key
	 */
	void markUploaded(String key) {
		this.jdbc.sql("update uploads set uploaded_at = coalesce(uploaded_at, now()) where object_key = :key")
			.param("key", key)
			.update();
	}

	/**
	 * An issued upload.
	 *
	 * @param contentType the declared content type
	 * @param contentLength the declared length in bytes
	 * @param referenced whether a reference was already checked and recorded
	 */
	record IssuedUpload(String contentType, long contentLength, boolean referenced) {
	}

}
