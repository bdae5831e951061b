package com.muejam.core.security;

import java.util.Set;
import java.util.UUID;

/**
 * The authenticated caller, as every module sees it.
 *
 * @param id the caller's profile id
 * @param subject the token's {@code sub} (the Clerk user id)
 * @param roles lower-case role names, e.g. {@code moderator}
 */
public record CurrentUser(UUID id, String subject, Set<String> roles) {

	public static final String MODERATOR = "moderator";

	public CurrentUser {
		roles = Set.copyOf(roles);
	}

	public boolean isModerator() {
		return this.roles.contains(MODERATOR);
	}

}
