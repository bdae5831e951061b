package com.muejam.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

/**
 * Files the service makes and keeps in the object storage (exports), under
 * {@code files/}, never served publicly; and the images already stored, read back by
 * their public URL for files that embed them.
 */
@Service
public class StoredFiles {

	private static final String FILES = "files/";

	private static final Map<String, String> IMAGE_TYPES = Map.of("jpg", "image/jpeg", "png", "image/png", "webp",
			"image/webp", "gif", "image/gif");

	/**
	 * The keys {@link UploadService} issues for images, and no other spelling of them.
	 */
	private static final Pattern IMAGE_KEY = Pattern.compile(
			"uploads/(?:avatar|cover|whisper_media)/[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\\.(jpg|png|webp|gif)");

	private final ObjectStorage storage;

	private final StorageProperties properties;

	private final UploadQueries uploads;

	StoredFiles(ObjectStorage storage, StorageProperties properties, UploadQueries uploads) {
		this.storage = storage;
		this.properties = properties;
		this.uploads = uploads;
	}

	/**
	 * Stores a file under a key of the service's own ({@code files/...}).
	 * @param key the key
	 * @param file the bytes
	 * @param contentType their type
	 */
	public void store(String key, Path file, String contentType) {
		this.storage.put(requireFileKey(key), file, contentType);
	}

	/**
	 * A stored file, to be read and closed by the caller.
	 * @param key the key
	 * @return its bytes, or empty when it is gone
	 */
	public Optional<InputStream> open(String key) {
		return this.storage.open(requireFileKey(key));
	}

	/**
	 * A URL that downloads a stored file without signing in, until it expires.
	 * @param key the key
	 * @param fileName the name the download is saved under
	 * @param expiresAt when the URL stops working (at most 7 days ahead)
	 * @return the URL
	 */
	public String downloadUrl(String key, String fileName, Instant expiresAt) {
		return this.storage.presignGet(requireFileKey(key), fileName, expiresAt);
	}

	/**
	 * Deletes a stored file; nothing happens when there is none.
	 * @param key the key
	 */
	public void delete(String key) {
		this.storage.delete(requireFileKey(key));
	}

	/**
	 * The key of an uploaded image by its public URL, exactly as
	 * {@link UploadService#publicUrl} gives it (no other spelling of the same object).
	 * @param url the URL
	 * @return the key, or empty for a URL that is not one of our images
	 */
	public Optional<String> imageKey(String url) {
		String prefix = StorageProperties.baseUrl(this.properties.publicBaseUrl()) + "/";
		return Optional.of(url)
			.filter((candidate) -> candidate.startsWith(prefix))
			.map((candidate) -> candidate.substring(prefix.length()))
			.filter((key) -> IMAGE_KEY.matcher(key).matches());
	}

	/**
	 * An uploaded image, once it was referenced (its bytes checked for its type).
	 * @param key its key, from {@link #imageKey}
	 * @param maxBytes the largest image wanted
	 * @return the image, or empty for an unreferenced upload, an object that is gone, or
	 * one larger than {@code maxBytes}
	 */
	public Optional<StoredImage> image(String key, int maxBytes) {
		Matcher image = IMAGE_KEY.matcher(key);
		if (!image.matches() || !this.uploads.isReferenced(key)) {
			return Optional.empty();
		}
		String extension = image.group(1);
		String mediaType = IMAGE_TYPES.get(extension);
		Optional<InputStream> opened = this.storage.open(key);
		if (opened.isEmpty()) {
			return Optional.empty();
		}
		try (InputStream in = opened.get()) {
			byte[] bytes = in.readNBytes(maxBytes + 1);
			return (bytes.length <= maxBytes) ? Optional.of(new StoredImage(key, mediaType, extension, bytes))
					: Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String requireFileKey(String key) {
		if (!key.startsWith(FILES) || key.contains("..")) {
			throw new IllegalArgumentException("Not a key of the service's files: " + key);
		}
		return key;
	}

}
