package com.muejam.core.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads what we use from a session token: roles, the email and a display name. A role
 * counts only from {@code public_metadata.role} (a string or a list): Clerk lets users
 * write {@code unsafe_metadata} themselves, and a session token template could copy it
 * under any other name, so no other claim grants a role. The local issuer mints its roles
 * into the same claim.
 */
public final class TokenClaims {

	/** The claim holding Clerk's public metadata, which only the backend can write. */
	public static final String PUBLIC_METADATA = "public_metadata";

	/** The role inside {@link #PUBLIC_METADATA}. */
	public static final String ROLE = "role";

	private TokenClaims() {
	}

	public static Set<String> roles(Jwt jwt) {
		Set<String> roles = new LinkedHashSet<>();
		if (jwt.getClaims().get(PUBLIC_METADATA) instanceof Map<?, ?> metadata) {
			addRoles(roles, metadata.get(ROLE));
		}
		return roles;
	}

	public static @Nullable String email(Jwt jwt) {
		return (jwt.getClaims().get("email") instanceof String email && email.contains("@")) ? email : null;
	}

	public static @Nullable String name(Jwt jwt) {
		if (jwt.getClaims().get("name") instanceof String name && !name.isBlank()) {
			return name.strip();
		}
		return null;
	}

	private static void addRoles(Set<String> roles, @Nullable Object claim) {
		if (claim instanceof String role && !role.isBlank()) {
			roles.add(role.strip().toLowerCase(Locale.ROOT));
		}
		else if (claim instanceof Collection<?> values) {
			values.forEach((value) -> addRoles(roles, value));
		}
	}

}
