package com.muejam.uploads;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.muejam.core.error.ApiException;

/**
 * What an upload is for, with its size limit and the request field that references it;
 * and the image types accepted. Other modules name the type they need when they check a
 * reference ({@link UploadService#requireUploadedBy}).
 */
public enum UploadType {

	AVATAR(2 * 1024 * 1024, "avatar_key", "must be an avatar you uploaded"),
	COVER(5 * 1024 * 1024, "cover_key", "must be a cover image you uploaded"),
	WHISPER_MEDIA(10 * 1024 * 1024, "media_key", "must be an image you uploaded");

	static final Map<String, String> EXTENSIONS = Map.of("image/jpeg", "jpg", "image/png", "png", "image/webp", "webp",
			"image/gif", "gif");

	private final long maxBytes;

	private final String referenceField;

	private final String notUploaded;

	UploadType(long maxBytes, String referenceField, String notUploaded) {
		this.maxBytes = maxBytes;
		this.referenceField = referenceField;
		this.notUploaded = notUploaded;
	}

	long maxBytes() {
		return this.maxBytes;
	}

	String path() {
		return name().toLowerCase(Locale.ROOT);
	}

	ApiException notUploaded() {
		return ApiException.invalidField(this.referenceField, this.notUploaded);
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
