package com.muejam.uploads;

import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;

import com.muejam.core.web.RequestBodyLimit;

import org.springframework.stereotype.Component;

/**
 * A PUT to the local storage ({@code /v1/objects/uploads/<type>/...}) may carry up to its
 * upload type's maximum (10 MB for whisper media), checked before the body is read; any
 * other object path gets the API's limit.
 */
@Component
class UploadBodyLimit implements RequestBodyLimit {

	private static final String PREFIX = "/v1/objects/uploads/";

	@Override
	public OptionalLong maxBytes(HttpServletRequest request) {
		String path = request.getRequestURI();
		if (!path.startsWith(PREFIX)) {
			return OptionalLong.empty();
		}
		String rest = path.substring(PREFIX.length());
		int slash = rest.indexOf('/');
		for (UploadType type : UploadType.values()) {
			if (slash > 0 && type.path().equals(rest.substring(0, slash))) {
				return OptionalLong.of(type.maxBytes());
			}
		}
		return OptionalLong.empty();
	}

}
