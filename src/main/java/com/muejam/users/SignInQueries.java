package com.muejam.users;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.visibility.HiddenPeople;
import com.muejam.core.visibility.HiddenPeopleColumns;
import com.muejam.core.visibility.ReaderPreferences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of a returning user's sign-in: what a request needs to know about its caller,
 * their reading preferences and the people hidden from them included, in one statement
 * outside any transaction. Who is hidden is read by columns the social module writes
 * ({@link HiddenPeopleColumns}): nearly every signed-in read leaves those people out, and
 * reading them here saves each such request a statement.
 */
@Component
class SignInQueries {

	private final JdbcClient jdbc;

	private final HiddenPeopleColumns hidden;

	private final String find;

	SignInQueries(JdbcClient jdbc, HiddenPeopleColumns hidden) {
		this.jdbc = jdbc;
		this.hidden = hidden;
		this.find = """
				select u.id, u.email, u.role = 'MODERATOR' as moderator, u.suspended_at is not null as suspended,
				       u.deleted_at is not null as deleted, coalesce(u.purge_after > now(), false) as restorable,
				       p.max_rating, p.muted_tags, p.hide_read_by_default, %s
				from user_profiles u left join reader_preferences p on p.user_id = u.id
				where u.clerk_user_id = :subject""".formatted(hidden.columns("u.id"));
	}

	/**
	 * The profile behind a token's subject.
	 * @param subject the token's {@code sub} (the Clerk user id)
	 * @return the profile's sign-in state, empty before the user's first request
	 */
	Optional<Known> find(String subject) {
		return this.jdbc.sql(this.find)
			.param("subject", subject)
			.query((rs, n) -> new Known(rs.getObject("id", UUID.class), rs.getString("email"),
					rs.getBoolean("moderator"), rs.getBoolean("suspended"), rs.getBoolean("deleted"),
					rs.getBoolean("restorable"), PreferenceQueries.preferences(rs), this.hidden.read(rs)))
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
	 * @param restorable whether its owner deleted it and may still restore it
	 * @param preferences what the user asked not to see
	 * @param hidden who the user does not see
	 */
	record Known(UUID id, @Nullable String email, boolean moderator, boolean suspended, boolean deleted,
			boolean restorable, ReaderPreferences preferences, HiddenPeople hidden) {
	}

}
