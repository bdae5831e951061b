package com.muejam.core.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads what we use from a session token: roles (a {@code roles} array or string, a
 * {@code role}, or {@code role} inside Clerk's {@code public_metadata} /
 * {@code metadata}), the email and a display name.
 */
public final class TokenClaims {

	private TokenClaims() {
	}

	public static Set<String> roles(Jwt jwt) {
		Set<String> roles = new LinkedHashSet<>();
		addRoles(roles, jwt.getClaims().get("roles"));
		addRoles(roles, jwt.getClaims().get("role"));
		for (String metadata : new String[] { "public_metadata", "metadata" }) {
			if (jwt.getClaims().get(metadata) instanceof Map<?, ?> map) {
				addRoles(roles, map.get("roles"));
				addRoles(roles, map.get("role"));
			}
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
