package com.muejam.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

	private final ObjectStorage storage;

	private final StorageProperties properties;

	StoredFiles(ObjectStorage storage, StorageProperties properties) {
		this.storage = storage;
		this.properties = properties;
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
	 * An uploaded image by its public URL, as {@link UploadService#publicUrl} gives it.
	 * @param url the URL
	 * @param maxBytes the largest image wanted
	 * @return the image, or empty for a URL that is not one of ours, an object that is
	 * gone, or one larger than {@code maxBytes}
	 */
	public Optional<StoredImage> image(String url, int maxBytes) {
		String prefix = StorageProperties.baseUrl(this.properties.publicBaseUrl()) + "/";
		if (!url.startsWith(prefix)) {
			return Optional.empty();
		}
		String key = url.substring(prefix.length());
		String extension = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
		String mediaType = IMAGE_TYPES.get(extension);
		if (mediaType == null || !key.startsWith("uploads/") || key.contains("..") || key.contains("?")) {
			return Optional.empty();
		}
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
