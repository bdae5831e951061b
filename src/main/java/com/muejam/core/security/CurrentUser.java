package com.muejam.core.security;

import java.util.Set;
import java.util.UUID;

/**
 * The authenticated caller, as every module sees it.
 *
 * @param id the caller's profile id
 * @param subject the token's {@code sub} (the Clerk user id)
 * @param roles lower-case role names, e.g. {@code moderator}
 * @param suspended whether a moderator suspended the user (no writes until lifted)
 */
public record CurrentUser(UUID id, String subject, Set<String> roles, boolean suspended) {

	public static final String MODERATOR = "moderator";

	public CurrentUser {
		roles = Set.copyOf(roles);
	}

	public CurrentUser(UUID id, String subject, Set<String> roles) {
		this(id, subject, roles, false);
	}

	public boolean isModerator() {
		return this.roles.contains(MODERATOR);
	}

}
