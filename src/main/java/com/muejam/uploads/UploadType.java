package com.muejam.uploads;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.muejam.core.error.ApiException;

/**
 * What an upload is for, with its size limit; and the image types accepted.
 */
enum UploadType {

	AVATAR(2 * 1024 * 1024), COVER(5 * 1024 * 1024), WHISPER_MEDIA(10 * 1024 * 1024);

	static final Map<String, String> EXTENSIONS = Map.of("image/jpeg", "jpg", "image/png", "png", "image/webp", "webp",
			"image/gif", "gif");

	private final long maxBytes;

	UploadType(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	long maxBytes() {
		return this.maxBytes;
	}

	String path() {
		return name().toLowerCase(Locale.ROOT);
	}

	static UploadType parse(@Nullable String value) {
		if (value != null) {
			for (UploadType type : values()) {
				if (type.path().equals(value.strip().toLowerCase(Locale.ROOT))) {
					return type;
				}
			}
		}
		throw ApiException.invalidField("type", "must be avatar, cover or whisper_media");
	}

}
