package com.muejam.users;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Request bodies of the profile endpoints.
 */
final class ProfileRequests {

	private ProfileRequests() {
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
					max = 300) String avatarKey,
			@Schema(description = "How often the digest email comes (`off`: one email per reply, follower or "
					+ "new chapter instead)") @Nullable Digest digest,
			@Schema(example = "Europe/Paris",
					description = "IANA time zone name: digests go at 08:00 there") @Nullable @Size(
							max = 64) String timezone) {
	}

}
