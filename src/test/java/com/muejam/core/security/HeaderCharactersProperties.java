package com.muejam.core.security;

import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The firewall's header checks, a character at a time, decide exactly as the regular
 * expressions of Spring Security's {@code StrictHttpFirewall} they replace.
 */
class HeaderCharactersProperties {

	/** {@code StrictHttpFirewall}'s default for header names. */
	private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	/** {@code StrictHttpFirewall}'s default for header values. */
	private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@Property(tries = 5000)
	void namesAreAllowedExactlyWhenTheFirewallsExpressionAllowsThem(@ForAll("text") String name) {
		assertThat(HeaderCharacters.allowedName(name)).as(escaped(name)).isEqualTo(NAMES.matcher(name).matches());
	}

	@Property(tries = 5000)
	void valuesAreAllowedExactlyWhenTheFirewallsExpressionAllowsThem(@ForAll("text") String value) {
		assertThat(HeaderCharacters.allowedValue(value)).as(escaped(value)).isEqualTo(VALUES.matcher(value).matches());
	}

	@Example
	void theFirewallRefusesAControlCharacterInAHeaderAndKeepsTabsInValues() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/stories");
		request.addHeader("X-Fine", "a\tb");
		request.addHeader("X-Bad", "caf\u0085");
		var firewalled = HeaderCharacters.firewall().getFirewalledRequest(request);
		assertThat(firewalled.getHeader("X-Fine")).isEqualTo("a\tb");
		assertThatThrownBy(() -> firewalled.getHeader("X-Bad")).isInstanceOf(RequestRejectedException.class);
	}

	/**
	 * Mostly printable ASCII, as headers are, with control characters, tabs, unassigned
	 * code points and lone or paired surrogates mixed in.
	 * @return the generator
	 */
	@Provide
	Arbitrary<String> text() {
		Arbitrary<String> odd = Arbitraries.of("\t", "\u0000", "\u001f", "\u007f", "\u0085", "\u009f", "\u00a0",
				"\u0378", "\ud800", "\udbff", "\udc00", "\udfff", "\ufffe", "\uffff", "\u2028", "\ud83d\ude00",
				"\udb40\udc01", "\udbbf\udffe");
		Arbitrary<String> any = Arbitraries.chars().all().map(String::valueOf);
		Arbitrary<String> printable = Arbitraries.chars().range(' ', '~').map(String::valueOf);
		return Arbitraries.frequencyOf(Tuple.of(6, printable), Tuple.of(2, odd), Tuple.of(2, any))
			.list()
			.ofMaxSize(12)
			.map((pieces) -> String.join("", pieces));
	}

	private static String escaped(String text) {
		StringBuilder out = new StringBuilder();
		text.chars().forEach((c) -> out.append(String.format("\\u%04x", c)));
		return out.toString();
	}

}
