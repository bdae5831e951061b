package com.muejam.core.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.visibility.HiddenPeople;
import com.muejam.core.visibility.ReaderPreferences;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated caller, as every module sees it.
 *
 * @param id the caller's profile id
 * @param subject the token's {@code sub} (the Clerk user id)
 * @param roles lower-case role names, e.g. {@code moderator}
 * @param suspended whether a moderator suspended the user (no writes until lifted)
 * @param preferences what the caller asked not to see, read with the sign-in
 * @param hidden who the caller does not see, read with the sign-in; {@code null} when not
 * read (then whoever needs it reads it)
 */
public record CurrentUser(UUID id, String subject, Set<String> roles, boolean suspended, ReaderPreferences preferences,
		@Nullable HiddenPeople hidden) {

	public static final String MODERATOR = "moderator";

	/**
	 * The role of a user whose account is being deleted (within its grace period): they
	 * may only restore it.
	 */
	public static final String DEACTIVATED = "deactivated";

	public CurrentUser {
		roles = Set.copyOf(roles);
	}

	public CurrentUser(UUID id, String subject, Set<String> roles) {
		this(id, subject, roles, false);
	}

	public CurrentUser(UUID id, String subject, Set<String> roles, boolean suspended) {
		this(id, subject, roles, suspended, ReaderPreferences.ANONYMOUS, null);
	}

	/**
	 * Who this request's signed-in caller does not see, as read with their sign-in, if
	 * the caller is this user.
	 * @param userId a user
	 * @return the people hidden from them, empty if they are not this request's caller or
	 * the sign-in did not read them (then read them from the database)
	 */
	public static Optional<HiddenPeople> hiddenFromCaller(UUID userId) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser caller
				&& caller.id().equals(userId)) {
			return Optional.ofNullable(caller.hidden());
		}
		return Optional.empty();
	}

	/**
	 * What a caller asked not to see.
	 * @param viewer the caller, or {@code null} for an anonymous request
	 * @return the caller's preferences, or the anonymous ones
	 */
	public static ReaderPreferences preferencesOf(@Nullable CurrentUser viewer) {
		return (viewer != null) ? viewer.preferences() : ReaderPreferences.ANONYMOUS;
	}

	public boolean isDeactivated() {
		return this.roles.contains(DEACTIVATED);
	}

	public boolean isModerator() {
		return this.roles.contains(MODERATOR);
	}

}
