package com.muejam.core.idempotency;

import java.util.Map;

/**
 * The first response to a key, as it is replayed.
 *
 * @param status the status code
 * @param headers the headers worth replaying ({@code Location}, {@code Content-Type})
 * @param body the body's bytes
 */
record StoredResponse(int status, Map<String, String> headers, byte[] body) {

	StoredResponse {
		headers = Map.copyOf(headers);
	}

	/**
	 * Whether a response may be replayed: successes and client errors that the same
	 * request would get again. A server error, a 503, a rate limit (429) or a timeout
	 * (408) is not kept, so that a retry can succeed.
	 * @param status the status code
	 * @return {@code true} when it is kept
	 */
	static boolean isReplayable(int status) {
		return status >= 200 && status < 500 && status != 408 && status != 429;
	}

}
