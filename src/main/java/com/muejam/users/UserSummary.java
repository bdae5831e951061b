package com.muejam.users;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * How other modules show a user (an author, an actor): the public essentials of a
 * profile.
 *
 * @param id the profile id
 * @param handle the handle
 * @param displayName the display name
 * @param avatarUrl the avatar's URL, or {@code null}
 */
public record UserSummary(UUID id, String handle, String displayName, @Nullable String avatarUrl) {
}
