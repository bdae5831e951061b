package com.muejam.core.security;

import java.util.Objects;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bearer token is found, or refused, exactly as Spring Security's
 * {@link DefaultBearerTokenResolver} finds or refuses it.
 */
class BearerTokensProperties {

	private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

	private final BearerTokens ours = new BearerTokens();

	@Property(tries = 10000)
	void aHeaderIsReadExactlyAsSpringSecuritysResolverReadsIt(@ForAll("authorization") String header) {
		assertThat(outcome(this.ours, header)).as(escaped(header)).isEqualTo(outcome(this.spring, header));
	}

	@Example
	void aWellFormedTokenIsFoundAndAMalformedOneRefused() {
		assertThat(outcome(this.ours, "Bearer abc.DEF-_~+/9==")).isEqualTo("token abc.DEF-_~+/9==");
		assertThat(outcome(this.ours, "bEARER x")).isEqualTo("token x");
		assertThat(outcome(this.ours, "Bearer a=b")).isEqualTo("refused invalid_token Bearer token is malformed");
		assertThat(outcome(this.ours, "Bearer ")).isEqualTo("refused invalid_token Bearer token is malformed");
		assertThat(outcome(this.ours, "Basic dXNlcjpwYXNz")).isEqualTo("none");
		assertThat(outcome(this.ours, null)).isEqualTo("none");
	}

	private static String outcome(BearerTokenResolver resolver, String header) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/library/reading");
		if (header != null) {
			request.addHeader("Authorization", header);
		}
		try {
			String token = resolver.resolve(request);
			return (token != null) ? "token " + token : "none";
		}
		catch (OAuth2AuthenticationException ex) {
			return "refused " + ex.getError().getErrorCode() + " " + Objects.toString(ex.getError().getDescription());
		}
	}

	/**
	 * A scheme (mostly {@code Bearer} in any case, sometimes another or a near miss), a
	 * separator, and a credential of token characters with padding, other ASCII, and
	 * characters whose case folds to ASCII letters only in Unicode ({@code ſ}, the Kelvin
	 * sign, the dotted {@code İ}).
	 * @return the generator
	 */
	@Provide
	Arbitrary<String> authorization() {
		Arbitrary<String> scheme = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of("Bearer", "bearer", "BEARER")),
				Tuple.of(3, Arbitraries.strings().withChars("bBeEaArRſKİ").ofLength(6)),
				Tuple.of(1, Arbitraries.of("Basic", "Bearerx", "", "bearer\u0000", "Token")));
		Arbitrary<String> separator = Arbitraries.of(" ", " ", " ", "", "  ", "\t", "=");
		Arbitrary<String> piece = Arbitraries.frequencyOf(
				Tuple.of(8,
						Arbitraries.strings()
							.withCharRange('a', 'z')
							.withCharRange('A', 'Z')
							.withCharRange('0', '9')
							.withChars("-._~+/")
							.ofMinLength(1)
							.ofMaxLength(8)),
				Tuple.of(2, Arbitraries.of("=", "==", "===")),
				Tuple.of(2, Arbitraries.chars().range(' ', '~').map(String::valueOf)), Tuple.of(1,
						Arbitraries.of("ſ", "\u212a", "İ", "ı", "\u00e9", "\u0000", "\n", "\ud83d\ude00", "\ud800")));
		Arbitrary<String> credential = piece.list().ofMaxSize(6).map((pieces) -> String.join("", pieces));
		return Combinators.combine(scheme, separator, credential).as((s, sep, c) -> s + sep + c);
	}

	private static String escaped(String text) {
		StringBuilder out = new StringBuilder();
		text.chars()
			.forEach(
					(c) -> out.append((c >= ' ' && c < 0x7f) ? String.valueOf((char) c) : String.format("\\u%04x", c)));
		return out.toString();
	}

}
