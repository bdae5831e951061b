package com.muejam.uploads;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The magic numbers that open each accepted image type: an object may be referenced only
 * when its first bytes are those of its declared type.
 */
final class ImageSignature {

	/** Bytes needed to tell every accepted type (WebP's marker ends at byte 12). */
	static final int LENGTH = 12;

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private static final byte[] GIF87 = ascii("GIF87a");

	private static final byte[] GIF89 = ascii("GIF89a");

	private static final byte[] RIFF = ascii("RIFF");

	private static final byte[] WEBP = ascii("WEBP");

	private ImageSignature() {
	}

	/**
	 * @param contentType the declared type (image/jpeg, image/png, image/webp, image/gif)
	 * @param head the object's first bytes (up to {@link #LENGTH})
	 * @return whether they open an image of that type
	 */
	static boolean matches(String contentType, byte[] head) {
		return switch (contentType) {
			case "image/jpeg" -> startsWith(head, 0, JPEG);
			case "image/png" -> startsWith(head, 0, PNG);
			case "image/gif" -> startsWith(head, 0, GIF87) || startsWith(head, 0, GIF89);
			case "image/webp" -> startsWith(head, 0, RIFF) && startsWith(head, 8, WEBP);
			default -> false;
		};
	}

	private static boolean startsWith(byte[] head, int offset, byte[] expected) {
		return head.length >= offset + expected.length
				&& Arrays.equals(head, offset, offset + expected.length, expected, 0, expected.length);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
