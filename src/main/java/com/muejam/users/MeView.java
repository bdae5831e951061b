package com.muejam.users;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The caller's own profile, with private fields.
 */
@Schema(name = "Me")
record MeView(UUID id, String handle, String displayName, @Nullable String bio,
		@Schema(description = "The bio rendered to sanitized HTML") @Nullable String bioHtml,
		@Nullable String avatarUrl, Instant createdAt, int followerCount, int followingCount, @Nullable String email,
		List<String> roles, boolean suspended, @Schema(description = "How often the digest email comes") Digest digest,
		@Schema(example = "Europe/Paris",
				description = "IANA time zone name: digests go at 08:00 there") String timezone) {
}
