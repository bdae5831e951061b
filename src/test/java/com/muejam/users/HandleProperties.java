package com.muejam.users;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

import com.muejam.core.error.ApiException;
import com.muejam.core.security.CurrentUser;
import com.muejam.support.IntegrationTest;
import com.muejam.support.SpringContexts;
import com.muejam.users.ProfileRequests.UpdateProfile;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Seed properties 1-3 against the real database.
 */
@IntegrationTest
class HandleProperties {

	private static final AtomicInteger SUFFIXES = new AtomicInteger();

	private final ProfileService profiles = SpringContexts.of(HandleProperties.class).getBean(ProfileService.class);

	private final JdbcClient jdbc = SpringContexts.of(HandleProperties.class).getBean(JdbcClient.class);

	/**
	 * Property 1: signing in with any Clerk user id returns that user's profile, creating
	 * it exactly once.
	 */
	@Property(tries = 50)
	void signInReturnsExistingOrCreatesOneProfile(@ForAll("clerkIds") String clerkId) {
		CurrentUser first = this.profiles.signIn(clerkId, null, null, Set.of());
		CurrentUser second = this.profiles.signIn(clerkId, null, null, Set.of());
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(second.subject()).isEqualTo(clerkId);
		assertThat(this.jdbc.sql("select count(*) from user_profiles where clerk_user_id = :id")
			.param("id", clerkId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/**
	 * Property 2: a handle held by one profile, in any letter case, is refused to every
	 * other.
	 */
	@Property(tries = 40)
	void handlesStayUniqueIgnoringCase(@ForAll @AlphaChars @NumericChars @StringLength(min = 3, max = 24) String base,
			@ForAll long caseSeed) {
		// unique in the run whatever the base: jqwik tries "AAA" and its like many times,
		// and
		// a clock's last bits gave two of them the same handle
		String handle = base + "_" + Integer.toString(SUFFIXES.incrementAndGet(), 36);
		CurrentUser owner = newUser();
		CurrentUser other = newUser();
		this.profiles.update(owner, new UpdateProfile(handle, null, null, null, null, null));
		String variant = scrambleCase(handle, caseSeed);
		assertThatThrownBy(() -> this.profiles.update(other, new UpdateProfile(variant, null, null, null, null, null)))
			.isInstanceOf(HandleTaken.class);
		assertThat(this.jdbc.sql("select count(*) from user_profiles where lower(handle) = :h")
			.param("h", handle.toLowerCase(Locale.ROOT))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/**
	 * Property 3: a string is accepted as a handle if and only if it is 3-30 letters,
	 * digits or underscores; the database agrees with the service (the rule on its own:
	 * {@link HandleRuleProperties}).
	 */
	@Property(tries = 150)
	void acceptsHandleIffItFollowsTheRule(@ForAll("handleCandidates") String candidate) {
		boolean rule = candidate.matches("[A-Za-z0-9_]{3,30}");
		boolean unique = this.jdbc.sql("select count(*) from user_profiles where lower(handle) = lower(:h)")
			.param("h", candidate)
			.query(Long.class)
			.single() == 0;
		CurrentUser user = newUser();
		boolean accepted;
		try {
			this.profiles.update(user, new UpdateProfile(candidate, null, null, null, null, null));
			accepted = true;
		}
		catch (HandleTaken ex) {
			accepted = true;
		}
		catch (ApiException ex) {
			assertThat(ex.details()).containsKey("handle");
			accepted = false;
		}
		assertThat(accepted).as("handle '%s'", candidate).isEqualTo(rule);
		if (rule && unique) {
			assertThat(this.profiles.me(user).handle()).isEqualTo(candidate);
		}
	}

	@Provide
	Arbitrary<String> clerkIds() {
		return Arbitraries.strings()
			.withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
			.ofMinLength(1)
			.ofMaxLength(64)
			.map((id) -> "user_" + id);
	}

	@Provide
	Arbitrary<String> handleCandidates() {
		return candidates();
	}

	static Arbitrary<String> candidates() {
		Arbitrary<String> plausible = Arbitraries.strings().withChars("abcXYZ019_").ofMinLength(0).ofMaxLength(34);
		Arbitrary<String> hostile = Arbitraries.strings()
			.withChars("ab_1 -.@éß漢\t\n'\";<>")
			.ofMinLength(0)
			.ofMaxLength(34);
		return Arbitraries.oneOf(plausible, hostile);
	}

	private CurrentUser newUser() {
		return this.profiles.signIn("user_prop_" + UUID.randomUUID(), null, null, Set.of());
	}

	private static String scrambleCase(String handle, long seed) {
		StringBuilder out = new StringBuilder(handle.length());
		for (int i = 0; i < handle.length(); i++) {
			char c = handle.charAt(i);
			out.append(((seed >> (i % 63)) & 1) == 1 ? Character.toUpperCase(c) : Character.toLowerCase(c));
		}
		return out.toString();
	}

}
