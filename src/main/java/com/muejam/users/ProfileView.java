package com.muejam.users;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A public profile, as {@code GET /v1/users/{handle}} and the follower lists show it.
 *
 * @param id the profile id
 * @param handle the handle
 * @param displayName the display name
 * @param bio the bio (markdown), or {@code null}
 * @param bioHtml the bio rendered to sanitized HTML, or {@code null}
 * @param avatarUrl the avatar's URL, or {@code null}
 * @param createdAt when the profile was created
 * @param followerCount how many users follow this one
 * @param followingCount how many users this one follows
 */
@Schema(name = "Profile")
public record ProfileView(UUID id, String handle, String displayName, @Nullable String bio,
		@Schema(description = "The bio rendered to sanitized HTML") @Nullable String bioHtml,
		@Nullable String avatarUrl, Instant createdAt, int followerCount, int followingCount) {
}
