package com.muejam.users;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import com.muejam.core.error.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Seed property 3, the rule itself: a plain unit property, no Spring and no database
 * ({@link HandleProperties} checks that the service and the database agree with it).
 */
class HandleRuleProperties {

	/**
	 * Property 3: a string is a handle if and only if it is 3-30 letters, digits or
	 * underscores.
	 */
	@Property(tries = 500)
	void isValidIffItFollowsTheRule(@ForAll("handleCandidates") String candidate) {
		boolean rule = candidate.matches("[A-Za-z0-9_]{3,30}");
		assertThat(Handle.isValid(candidate)).as("handle '%s'", candidate).isEqualTo(rule);
		if (rule) {
			assertThat(new Handle(candidate).value()).isEqualTo(candidate);
		}
		else {
			assertThatThrownBy(() -> new Handle(candidate)).isInstanceOfSatisfying(ApiException.class,
					(ex) -> assertThat(ex.details()).containsKey("handle"));
		}
	}

	@Provide
	Arbitrary<String> handleCandidates() {
		return HandleProperties.candidates();
	}

}
