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
 * whose email is unchanged is signed in from {@link SignInMemory}, or with one statement
 * and no transaction; the first request, and one whose token brings a new email, go
 * through {@link ProfileService#signIn}.
 */
@Component
class ProfileAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final ProfileService profiles;

	private final SignInMemory signIns;

	ProfileAuthenticationConverter(ProfileService profiles, SignInMemory signIns) {
		this.profiles = profiles;
		this.signIns = signIns;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		String subject = jwt.getSubject();
		String email = TokenClaims.email(jwt);
		Set<String> tokenRoles = TokenClaims.roles(jwt);
		SignInQueries.Known known = this.signIns.find(subject)
			.filter((profile) -> email == null || email.equalsIgnoreCase(String.valueOf(profile.email())))
			.orElseGet(() -> {
				// first request, or a new email: create or update the profile, then read
				// it
				this.profiles.signIn(subject, email, TokenClaims.name(jwt), tokenRoles);
				return this.signIns.find(subject).orElseThrow();
			});
		CurrentUser user = returning(subject, known, tokenRoles);
		var authorities = user.roles()
			.stream()
			.map((role) -> new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)))
			.toList();
		return new UserAuthentication(jwt, user, authorities);
	}

	private static CurrentUser returning(String subject, SignInQueries.Known known, Set<String> tokenRoles) {
		if (known.deleted() && !known.restorable()) {
			throw new AccountDeleted();
		}
		Set<String> roles = new LinkedHashSet<>(tokenRoles);
		if (known.moderator()) {
			roles.add(CurrentUser.MODERATOR);
		}
		if (known.deleted()) {
			// may only restore the account (core.security.DeactivatedAccounts)
			roles.add(CurrentUser.DEACTIVATED);
		}
		return new CurrentUser(known.id(), subject, roles, known.suspended(), known.preferences(), known.hidden());
	}

}
