package com.muejam.users;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Request and response bodies of the profile endpoints.
 */
final class ProfileViews {

	private ProfileViews() {
	}

	/**
	 * The caller's own profile, with private fields.
	 */
	@Schema(name = "Me")
	record MeView(UUID id, String handle, String displayName, @Nullable String bio,
			@Schema(description = "The bio rendered to sanitized HTML") @Nullable String bioHtml,
			@Nullable String avatarUrl, Instant createdAt, int followerCount, int followingCount,
			@Nullable String email, List<String> roles, boolean suspended) {
	}

	/**
	 * Changes to the caller's profile; absent fields stay as they are, an empty
	 * {@code bio} or {@code avatar_key} clears it.
	 */
	@Schema(example = "{\"display_name\":\"Alice\",\"bio\":\"I read *everything* with dragons.\"}",
			name = "UpdateProfile")
	record UpdateProfile(
			@Schema(example = "alice_reads",
					description = "3-30 letters, digits or underscores; unique ignoring case") @Nullable String handle,
			@Schema(example = "Alice") @Nullable @Size(min = 1, max = 100) String displayName,
			@Schema(description = "Markdown, up to 2000 characters") @Nullable @Size(max = 2000) String bio,
			@Schema(description = "Object key from POST /v1/uploads/presign (type avatar), uploaded by the caller") @Nullable @Size(
					max = 300) String avatarKey) {
	}

}
