package com.muejam.users;

import java.time.Instant;
import java.util.UUID;

/**
 * A user asked for their account to be deleted: what they wrote disappears now, in the
 * same transaction (listeners are synchronous), marked deleted at {@code at} so that a
 * restore brings back exactly that and not what they had deleted themselves.
 *
 * @param userId the account
 * @param at when it was deactivated (to the microsecond)
 */
public record AccountDeactivated(UUID userId, Instant at) {
}
