package com.muejam.uploads;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Where uploaded objects live: S3 (or compatible) in production, the data folder locally.
 * Both hand out presigned PUT URLs bound to one key, content type and exact length.
 */
interface ObjectStorage {

	/**
	 * A URL the client may PUT exactly this object to until {@code expiresAt}.
	 * @param key the object key
	 * @param contentType the declared content type
	 * @param contentLength the declared size in bytes
	 * @param expiresAt when the URL stops working
	 * @return the URL and the headers the client must send
	 */
	Presigned presignPut(String key, String contentType, long contentLength, Instant expiresAt);

	/**
	 * Whether the object was uploaded with the declared size.
	 * @param key the object key
	 * @param contentLength the declared size
	 * @return {@code true} if it exists with that size
	 */
	boolean isStored(String key, long contentLength);

	/**
	 * The object's first bytes, reading no more of it (a ranged GET on S3).
	 * @param key the object key
	 * @param count how many bytes at most
	 * @return the bytes (fewer for a smaller object), or empty when there is no object
	 */
	Optional<byte[]> firstBytes(String key, int count);

	/**
	 * Stores a file the service made itself (an export), replacing any object under the
	 * key.
	 * @param key the object key
	 * @param file the bytes
	 * @param contentType their type
	 */
	void put(String key, Path file, String contentType);

	/**
	 * The whole object, to be read and closed by the caller.
	 * @param key the object key
	 * @return its bytes, or empty when there is no object
	 */
	Optional<InputStream> open(String key);

	/**
	 * A URL anyone holding it may download the object from until {@code expiresAt}, as an
	 * attachment named {@code fileName}.
	 * @param key the object key
	 * @param fileName the name the download is saved under
	 * @param expiresAt when the URL stops working (at most 7 days ahead)
	 * @return the URL
	 */
	String presignGet(String key, String fileName, Instant expiresAt);

	/**
	 * Deletes the object; nothing happens when there is none.
	 * @param key the object key
	 */
	void delete(String key);

	/**
	 * @param url where to PUT
	 * @param headers headers the PUT must carry
	 */
	record Presigned(String url, Map<String, String> headers) {
	}

}
