package com.muejam.uploads;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import com.muejam.core.error.ApiException;
import com.muejam.core.ratelimit.RateLimiter;
import com.muejam.core.security.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploads: presigned PUT URLs for images (bound to one key, type and exact length, 15
 * minutes), which user was issued which key, and whether the object arrived. Other
 * modules ask here before a profile, story or whisper may reference a key, and for the
 * public URL of a stored object.
 */
@Service
public class UploadService {

	static final String PRESIGN_POLICY = "presigns";

	private final UploadQueries queries;

	private final ObjectStorage storage;

	private final StorageProperties properties;

	private final RateLimiter rateLimiter;

	private final Clock clock;

	UploadService(UploadQueries queries, ObjectStorage storage, StorageProperties properties, RateLimiter rateLimiter,
			Clock clock) {
		this.queries = queries;
		this.storage = storage;
		this.properties = properties;
		this.rateLimiter = rateLimiter;
		this.clock = clock;
	}

	@Transactional
	PresignedUpload presign(CurrentUser user, PresignRequest request) {
		UploadType type = UploadType.parse(request.type());
		String contentType = (request.contentType() != null) ? request.contentType().strip().toLowerCase() : "";
		String extension = UploadType.EXTENSIONS.get(contentType);
		if (extension == null) {
			throw ApiException.invalidField("content_type", "must be image/jpeg, image/png, image/webp or image/gif");
		}
		long length = request.contentLength();
		if (length < 1 || length > type.maxBytes()) {
			throw ApiException.invalidField("content_length",
					"must be between 1 and " + type.maxBytes() + " bytes for " + type.path());
		}
		this.rateLimiter.enforce(PRESIGN_POLICY, user.id().toString());
		String key = "uploads/" + type.path() + "/" + UUID.randomUUID() + "." + extension;
		Instant expiresAt = this.clock.instant().plus(this.properties.presignTtl());
		this.queries.insertIssued(key, user.id(), type.path(), contentType, length, expiresAt);
		ObjectStorage.Presigned presigned = this.storage.presignPut(key, contentType, length, expiresAt);
		return new PresignedUpload(presigned.url(), "PUT", presigned.headers(), key, expiresAt);
	}

	/**
	 * Checks that the user may reference the key from a profile, story or whisper: it was
	 * issued to them for an upload of the given type, and the object is stored with its
	 * declared size and its first bytes are those of its declared image type. Checked
	 * against the storage on the first reference, which records it
	 * ({@code referenced_at}: kept by the cleanup job).
	 * @param objectKey the key a request references, or {@code null} / blank for none
	 * @param userId the user referencing it
	 * @param type what the reference is for
	 * @return the key, or {@code null} when the request names none
	 * @throws ApiException {@code VALIDATION_FAILED} naming the type's request field
	 * ({@code avatar_key}, {@code cover_key}, {@code media_key}) when the user may not
	 * reference the key
	 */
	@Transactional
	public @Nullable String requireUploadedBy(@Nullable String objectKey, UUID userId, UploadType type) {
		if (objectKey == null || objectKey.isBlank()) {
			return null;
		}
		if (!isUploadedBy(objectKey, userId, type)) {
			throw type.notUploaded();
		}
		return objectKey;
	}

	private boolean isUploadedBy(String objectKey, UUID userId, UploadType type) {
		Optional<UploadQueries.IssuedUpload> upload = this.queries.issuedTo(objectKey, userId, type.path());
		if (upload.isEmpty()) {
			return false;
		}
		if (upload.get().referenced()) {
			return true;
		}
		String contentType = upload.get().contentType();
		long length = upload.get().contentLength();
		if (!this.storage.isStored(objectKey, length) || !this.storage.firstBytes(objectKey, ImageSignature.LENGTH)
			.filter((head) -> ImageSignature.matches(contentType, head))
			.isPresent()) {
			return false;
		}
		// zero rows when the cleanup job deleted it meanwhile
		return this.queries.markReferenced(objectKey) == 1;
	}

	/**
	 * Deletes uploads never referenced within {@code muejam.storage.unreferenced-ttl} of
	 * being issued: their rows first (a reference racing with this fails cleanly), then
	 * their objects.
	 * @return how many were deleted
	 */
	@Transactional
	public int deleteUnreferenced() {
		List<String> keys = this.queries.deleteUnreferenced(this.properties.unreferencedTtl());
		keys.forEach(this.storage::delete);
		return keys.size();
	}

	void markUploaded(String objectKey) {
		this.queries.markUploaded(objectKey);
	}

	/**
	 * The public URL of a stored object.
	 * @param objectKey the object's key, or {@code null}
	 * @return its URL, or {@code null} for no key
	 */
	public @Nullable String publicUrl(@Nullable String objectKey) {
		return (objectKey != null) ? StorageProperties.baseUrl(this.properties.publicBaseUrl()) + "/" + objectKey
				: null;
	}

	/**
	 * @param type avatar, cover or whisper_media
	 * @param contentType image/jpeg, image/png, image/webp or image/gif
	 * @param contentLength the exact size in bytes
	 */
	@Schema(example = "{\"type\":\"avatar\",\"content_type\":\"image/png\",\"content_length\":48213}",
			name = "PresignRequest")
	record PresignRequest(@Schema(example = "avatar") @NotNull String type,
			@Schema(example = "image/png") @NotNull String contentType, @NotNull Long contentLength) {
	}

	/**
	 * @param url where to PUT the bytes
	 * @param method always PUT
	 * @param headers headers the PUT must carry
	 * @param objectKey the key to reference once uploaded
	 * @param expiresAt when the URL stops working
	 */
	@Schema(name = "PresignedUpload")
	record PresignedUpload(String url, String method, Map<String, String> headers, String objectKey,
			Instant expiresAt) {
	}

}
