package com.muejam.core.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * An authenticated request: the verified token and the caller's profile. Controllers
 * receive the {@link CurrentUser} with {@code @AuthenticationPrincipal}.
 */
public class UserAuthentication extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

	private final CurrentUser user;

	public UserAuthentication(Jwt token, CurrentUser user, Collection<? extends GrantedAuthority> authorities) {
		super(token, user, token, authorities);
		this.user = user;
		setAuthenticated(true);
	}

	@Override
	public CurrentUser getPrincipal() {
		return this.user;
	}

	@Override
	public java.util.Map<String, Object> getTokenAttributes() {
		return getToken().getClaims();
	}

	@Override
	public String getName() {
		return this.user.id().toString();
	}

}
