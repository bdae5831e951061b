package com.muejam.social;

import java.util.UUID;

/**
 * A user started following another (not published again for a follow that already
 * existed).
 *
 * @param followerId who follows
 * @param followingId who is followed
 */
public record UserFollowed(UUID followerId, UUID followingId) {
}
