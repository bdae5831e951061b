package com.muejam.uploads;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules need to know about uploaded objects: whether a user may reference a
 * key, and the URL a stored object is served from.
 */
@Service
public class UploadService {

	private final JdbcClient jdbc;

	private final String publicBaseUrl;

	UploadService(JdbcClient jdbc, @Value("${muejam.storage.public-base-url}") String publicBaseUrl) {
		this.jdbc = jdbc;
		this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
				: publicBaseUrl;
	}

	/**
	 * Whether the key was issued to this user for an upload of the given type and the
	 * object has been uploaded.
	 * @param objectKey the key a request references
	 * @param userId the user referencing it
	 * @param type the upload type the reference needs ({@code avatar}, {@code cover},
	 * {@code whisper_media})
	 * @return {@code true} if the user may reference the key
	 */
	@Transactional(readOnly = true)
	public boolean isUploadedBy(String objectKey, UUID userId, String type) {
		return this.jdbc.sql("""
				select count(*) from uploads
				where object_key = :key and user_id = :user and type = :type and uploaded_at is not null""")
			.param("key", objectKey)
			.param("user", userId)
			.param("type", type)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The public URL of a stored object.
	 * @param objectKey the object's key, or {@code null}
	 * @return its URL, or {@code null} for no key
	 */
	public @Nullable String publicUrl(@Nullable String objectKey) {
		return (objectKey != null) ? this.publicBaseUrl + "/" + objectKey : null;
	}

}
