package com.muejam.users;

import java.time.Instant;
import java.util.UUID;

/**
 * A user brought their account back within the grace period: what disappeared with it
 * comes back, in the same transaction.
 *
 * @param userId the account
 * @param deactivatedAt when it had been deactivated
 */
public record AccountRestored(UUID userId, Instant deactivatedAt) {
}
