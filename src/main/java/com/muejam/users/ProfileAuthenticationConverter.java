package com.muejam.users;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import com.muejam.core.security.CurrentUser;
import com.muejam.core.security.TokenClaims;
import com.muejam.core.security.UserAuthentication;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Turns a verified token into the authenticated {@link CurrentUser}, creating the profile
 * on the user's first request. Roles become {@code ROLE_*} authorities. A returning user
 * whose email is unchanged costs one statement and no transaction; the first request, and
 * one whose token brings a new email, go through {@link ProfileService#signIn}.
 */
@Component
class ProfileAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final ProfileService profiles;

	private final SignInQueries queries;

	ProfileAuthenticationConverter(ProfileService profiles, SignInQueries queries) {
		this.profiles = profiles;
		this.queries = queries;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		String email = TokenClaims.email(jwt);
		Set<String> tokenRoles = TokenClaims.roles(jwt);
		CurrentUser user = this.queries.find(jwt.getSubject())
			.filter((known) -> email == null || email.equalsIgnoreCase(String.valueOf(known.email())))
			.map((known) -> returning(jwt.getSubject(), known, tokenRoles))
			.orElseGet(() -> this.profiles.signIn(jwt.getSubject(), email, TokenClaims.name(jwt), tokenRoles));
		var authorities = user.roles()
			.stream()
			.map((role) -> new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)))
			.toList();
		return new UserAuthentication(jwt, user, authorities);
	}

	private static CurrentUser returning(String subject, SignInQueries.Known known, Set<String> tokenRoles) {
		if (known.deleted()) {
			throw new AccountDeleted();
		}
		Set<String> roles = new LinkedHashSet<>(tokenRoles);
		if (known.moderator()) {
			roles.add(CurrentUser.MODERATOR);
		}
		return new CurrentUser(known.id(), subject, roles, known.suspended());
	}

}
