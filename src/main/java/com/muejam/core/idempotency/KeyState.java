package com.muejam.core.idempotency;

/**
 * Where a key stands: its first request is running, or it answered and its response is
 * kept for retries.
 */
enum KeyState {

	IN_PROGRESS, COMPLETED

}
