package com.muejam.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.muejam.core.pagination.CursorCodec;
import com.muejam.core.pagination.InvalidCursor;
import org.jspecify.annotations.Nullable;

/**
 * The local default: objects in {@code ${muejam.data-dir}/objects}, uploaded to this
 * service with presigned URLs that honour the S3 contract: the signature binds the key,
 * content type, exact length and expiry, and anything else is refused.
 */
class LocalObjectStorage implements ObjectStorage {

	private static final String PURPOSE = "storage.put";

	private static final String GET_PURPOSE = "storage.get";

	private static final String UPLOADS = "uploads";

	private static final String FILES = "files";

	private final Path root;

	private final String uploadBaseUrl;

	private final CursorCodec signer;

	private final Clock clock;

	LocalObjectStorage(Path root, String uploadBaseUrl, CursorCodec signer, Clock clock) {
		this.root = root.toAbsolutePath().normalize();
		this.uploadBaseUrl = uploadBaseUrl;
		this.signer = signer;
		this.clock = clock;
	}

	@Override
	public Presigned presignPut(String key, String contentType, long contentLength, Instant expiresAt) {
		String signature = this.signer.encode(PURPOSE,
				List.of(key, contentType, Long.toString(contentLength), Long.toString(expiresAt.getEpochSecond())));
		return new Presigned(StorageProperties.baseUrl(this.uploadBaseUrl) + "/" + key + "?signature=" + signature,
				Map.of("Content-Type", contentType, "Content-Length", Long.toString(contentLength)));
	}

	@Override
	public String presignGet(String key, String fileName, Instant expiresAt) {
		String signature = this.signer.encode(GET_PURPOSE,
				List.of(key, fileName, Long.toString(expiresAt.getEpochSecond())));
		return StorageProperties.baseUrl(this.uploadBaseUrl) + "/" + key + "?name="
				+ URLEncoder.encode(fileName, StandardCharsets.UTF_8) + "&expires=" + expiresAt.getEpochSecond()
				+ "&signature=" + signature;
	}

	/**
	 * The file a presigned download URL names, when its signature holds and it has not
	 * expired.
	 * @param key the key in the URL
	 * @param fileName the name in the URL
	 * @param expires the expiry in the URL (epoch seconds)
	 * @param signature the URL's signature
	 * @return the file, or {@code null} when the URL is not valid (any more)
	 */
	@Nullable Path signedFile(String key, String fileName, long expires, String signature) {
		List<String> signed;
		try {
			signed = this.signer.decode(GET_PURPOSE, signature);
		}
		catch (InvalidCursor ex) {
			return null;
		}
		boolean valid = signed.equals(List.of(key, fileName, Long.toString(expires)))
				&& this.clock.instant().getEpochSecond() <= expires;
		if (!valid) {
			return null;
		}
		Path file = file(key);
		return Files.isRegularFile(file) ? file : null;
	}

	@Override
	public boolean isStored(String key, long contentLength) {
		Path file = file(key);
		try {
			return Files.isRegularFile(file) && Files.size(file) == contentLength;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public Optional<byte[]> firstBytes(String key, int count) {
		try (InputStream in = Files.newInputStream(file(key))) {
			return Optional.of(in.readNBytes(count));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void put(String key, Path source, String contentType) {
		Path file = file(key);
		try {
			Files.createDirectories(file.getParent());
			Path partial = Files.createTempFile(file.getParent(), ".put", ".part");
			try {
				Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
				Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(partial);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public Optional<InputStream> open(String key) {
		try {
			return Optional.of(Files.newInputStream(file(key)));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void delete(String key) {
		try {
			Files.deleteIfExists(file(key));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Accepts a presigned upload.
	 * @param key the key in the URL
	 * @param signature the URL's signature
	 * @param contentType the request's content type
	 * @param contentLength the request's declared length
	 * @param body the bytes
	 * @return why it was refused, or {@code null} when stored
	 */
	@Nullable String accept(String key, String signature, String contentType, long contentLength, InputStream body) {
		List<String> signed;
		try {
			signed = this.signer.decode(PURPOSE, signature);
		}
		catch (InvalidCursor ex) {
			return "The upload signature is not valid";
		}
		if (!signed.get(0).equals(key)) {
			return "The signature is for another key";
		}
		if (!signed.get(1).equals(contentType)) {
			return "The content type differs from the signed one";
		}
		if (!signed.get(2).equals(Long.toString(contentLength))) {
			return "The length differs from the signed one";
		}
		if (this.clock.instant().getEpochSecond() > Long.parseLong(signed.get(3))) {
			return "The upload URL has expired";
		}
		Path file = file(key);
		try {
			Files.createDirectories(file.getParent());
			Path partial = Files.createTempFile(file.getParent(), ".upload", ".part");
			try {
				long written = Files.copy(limited(body, contentLength), partial, StandardCopyOption.REPLACE_EXISTING);
				if (written != contentLength) {
					return "The body's length differs from the signed one";
				}
				Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(partial);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return null;
	}

	/**
	 * The file of an object: an upload ({@code uploads/...}) or a file the service made
	 * ({@code files/...}).
	 * @param key the object key
	 * @return its file
	 * @throws IllegalArgumentException for a key outside those folders
	 */
	Path file(String key) {
		Path file = this.root.resolve(key).normalize();
		if (!file.startsWith(this.root.resolve(UPLOADS)) && !file.startsWith(this.root.resolve(FILES))) {
			throw new IllegalArgumentException("Not an object key: " + key);
		}
		return file;
	}

	/**
	 * The file of an upload, which anyone may read.
	 * @param key the object key
	 * @return its file
	 * @throws IllegalArgumentException for a key that is not an upload's
	 */
	Path uploadFile(String key) {
		Path file = file(key);
		if (!file.startsWith(this.root.resolve(UPLOADS))) {
			throw new IllegalArgumentException("Not an upload: " + key);
		}
		return file;
	}

	private static InputStream limited(InputStream body, long limit) throws IOException {
		return new java.io.ByteArrayInputStream(body.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE)));
	}

}
