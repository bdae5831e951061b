package com.muejam.social;

import java.util.UUID;

/**
 * A user blocked another: follows between them were removed, and neither sees the other's
 * content any more.
 *
 * @param blockerId who blocked
 * @param blockedId who was blocked
 */
public record UserBlocked(UUID blockerId, UUID blockedId) {
}
