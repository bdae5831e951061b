package com.muejam.core.idempotency;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A stored key: the request it was first used for and, once answered, the response.
 *
 * @param requestHash the hash of method, path and body of the first request
 * @param state in progress or completed
 * @param createdAt when the first request took the key
 * @param expiresAt when the key may be used afresh
 * @param response the first response, once completed
 */
record KeyRecord(String requestHash, KeyState state, Instant createdAt, Instant expiresAt,
		@Nullable StoredResponse response) {

}
