package com.muejam.users;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of a returning user's sign-in: what a request needs to know about its caller,
 * in one statement outside any transaction.
 */
@Component
class SignInQueries {

	private final JdbcClient jdbc;

	SignInQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The profile behind a token's subject.
	 * @param subject the token's {@code sub} (the Clerk user id)
	 * @return the profile's sign-in state, empty before the user's first request
	 */
	Optional<Known> find(String subject) {
		return this.jdbc.sql("""
				select id, email, role = 'MODERATOR' as moderator, suspended_at is not null as suspended,
				       deleted_at is not null as deleted
				from user_profiles where clerk_user_id = :subject""")
			.param("subject", subject)
			.query((rs, n) -> new Known(rs.getObject("id", UUID.class), rs.getString("email"),
					rs.getBoolean("moderator"), rs.getBoolean("suspended"), rs.getBoolean("deleted")))
			.optional();
	}

	/**
	 * A returning user's profile, as sign-in reads it.
	 *
	 * @param id the profile id
	 * @param email the email on the profile
	 * @param moderator whether the profile has the moderator role
	 * @param suspended whether the user is suspended
	 * @param deleted whether the account is deleted
	 */
	record Known(UUID id, @Nullable String email, boolean moderator, boolean suspended, boolean deleted) {
	}

}
