package com.muejam.core.error;

import java.io.IOException;

/**
 * Raised while reading a request body that grows past the configured limit.
 */
public class RequestBodyTooLarge extends IOException {

	public RequestBodyTooLarge(long limit) {
		super("Request body larger than " + limit + " bytes");
	}

}
