package com.muejam.uploads;

/**
 * An uploaded image, read back from the storage.
 *
 * @param key its object key
 * @param mediaType its type
 * @param extension its file name extension
 * @param bytes its bytes
 */
public record StoredImage(String key, String mediaType, String extension, byte[] bytes) {
}
