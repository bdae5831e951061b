package com.muejam.core.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.muejam.core.visibility.HiddenPeople;
import com.muejam.core.visibility.ReaderPreferences;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who is hidden from a user is taken from the sign-in only for the request's own caller,
 * and only when the sign-in read it.
 */
class CurrentUserTests {

	private final UUID caller = UUID.randomUUID();

	private final HiddenPeople hidden = new HiddenPeople(Set.of(UUID.randomUUID()), Set.of(UUID.randomUUID()));

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theCallersOwnAreTheSignInsAndNobodyElses() {
		signIn(new CurrentUser(this.caller, "user_a", Set.of(), false, ReaderPreferences.ANONYMOUS, this.hidden));
		assertThat(CurrentUser.hiddenFromCaller(this.caller)).contains(this.hidden);
		assertThat(CurrentUser.hiddenFromCaller(UUID.randomUUID())).isEmpty();
		assertThat(this.hidden.mutedOrBlocked()).containsAll(this.hidden.blockedEitherWay())
			.containsAll(this.hidden.muted())
			.hasSize(2);
	}

	@Test
	void aCallerMadeWithoutTheSignInsReadHasNone() {
		signIn(new CurrentUser(this.caller, "user_a", Set.of()));
		assertThat(CurrentUser.hiddenFromCaller(this.caller)).isEmpty();
		SecurityContextHolder.clearContext();
		assertThat(CurrentUser.hiddenFromCaller(this.caller)).isEmpty();
	}

	private static void signIn(CurrentUser user) {
		Jwt token = Jwt.withTokenValue("token")
			.header("alg", "none")
			.claims((claims) -> claims.putAll(Map.of("sub", user.subject())))
			.build();
		SecurityContextHolder.getContext().setAuthentication(new UserAuthentication(token, user, List.of()));
	}

}
