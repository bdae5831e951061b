package com.muejam.users;

import java.util.Locale;

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
 * on the user's first request. Roles become {@code ROLE_*} authorities.
 */
@Component
class ProfileAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final ProfileService profiles;

	ProfileAuthenticationConverter(ProfileService profiles) {
		this.profiles = profiles;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		CurrentUser user = this.profiles.signIn(jwt.getSubject(), TokenClaims.email(jwt), TokenClaims.name(jwt),
				TokenClaims.roles(jwt));
		var authorities = user.roles()
			.stream()
			.map((role) -> new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)))
			.toList();
		return new UserAuthentication(jwt, user, authorities);
	}

}
