package com.muejam.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;

/**
 * Generators of invalid input: values for URLs (already percent-encoded, sent as they
 * are), header values (bytes as ISO-8859-1 characters), JSON values and whole bodies.
 */
public final class HostileInput {

	/** Wrong types, out-of-range numbers, unknown enum values, garbage cursors. */
	private static final List<String> WRONG = List.of("abc", "-1", "0", "1.5", "true", "null", "NaN", "1e309",
			"-2147483649", "99999999999999999999", "101", "NOPE", "for_you_x", "STORIES%20", "%20", "", "%2B",
			"eyJ4IjoxfQ", "eyJ0IjoiMjAyNi0wMS0wMVQwMDowMDowMFoiLCJpIjoiMSJ9.AAAA", "!!!", "*", "%25", "%E2%80%AE",
			"%F0%9F%98%80", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
			"not-a-uuid", "12345678-1234-1234-1234-1234567890123", "user_alice", "x.y.z", "%7B%7D", "%5B%5D",
			"%22%27%3C%3E", "'%20OR%201=1--");

	/** Undecodable or dangerous bytes. */
	private static final List<String> BROKEN = List.of("%FF%FE", "%C3%28", "%ED%A0%80", "%F8%88%80%80%80", "%C0%AF",
			"%00", "a%00b", "%", "%G1", "%E2%82", "..%2F..%2F", "%2e%2e", "%2F", "%5C", ";x=1", "%0D%0AX:1", "%09",
			"%7F", "%C2%85");

	private HostileInput() {
	}

	/**
	 * A value for a path segment or query value, percent-encoded as it goes on the wire.
	 * @return the generator
	 */
	public static Arbitrary<String> urlValue() {
		return Arbitraries.<String>frequencyOf(Tuple.of(4, Arbitraries.of(WRONG)), Tuple.of(4, Arbitraries.of(BROKEN)),
				Tuple.of(2, overLong().map(HostileInput::encode)),
				Tuple.of(2, Arbitraries.strings().all().ofMaxLength(30).map(HostileInput::encode)),
				Tuple.of(1, Arbitraries.create(() -> java.util.UUID.randomUUID().toString())));
	}

	/**
	 * A header value: control and C1 bytes, over-long tokens, garbage.
	 * @return the generator
	 */
	public static Arbitrary<String> headerValue() {
		return Arbitraries.oneOf(
				Arbitraries.of("caf\u0085", "\u009f", "\u0080\u0081", "\u00ff\u00fe", "a\u0000b", "a\u0007", " ", "",
						"\"", "null", "*/*;q=x", "bytes=-1", "999999999999999999999", "garbage"),
				Arbitraries.strings().withCharRange('\u0020', '\u00ff').ofMaxLength(40),
				Arbitraries.integers().between(100, 12_000).map("h"::repeat));
	}

	/**
	 * An Authorization header value, mostly broken.
	 * @param valid a valid bearer token
	 * @return the generator
	 */
	public static Arbitrary<String> authorization(String valid) {
		return Arbitraries.<String>frequencyOf(Tuple.of(6, Arbitraries.just("Bearer " + valid)),
				Tuple.of(1, Arbitraries.of("Bearer", "Bearer ", "Bearer x.y.z", "Basic YTpi", "bearer  " + valid,
						"Bearer " + valid + "x", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "Bearer \u0085")),
				Tuple.of(1, headerValue().map((value) -> "Bearer " + value)));
	}

	/**
	 * A media type for a request body.
	 * @return the generator
	 */
	public static Arbitrary<String> contentType() {
		return Arbitraries.<String>frequencyOf(Tuple.of(6, Arbitraries.just("application/json")),
				Tuple.of(1,
						Arbitraries.of("text/plain", "application/xml", "multipart/form-data",
								"multipart/form-data; boundary=", "multipart/form-data; boundary=\"x",
								"multipart/form-data; boundary=b", "application/x-www-form-urlencoded",
								"application/json; charset=latin1", "application/json; charset=nope", "application/*",
								"application/json;;", "image/png", "", "\u0085", "*/*")));
	}

	/**
	 * A JSON value that is wrong for the given schema (or for any).
	 * @param schema the property's schema
	 * @return the generator, of JSON text
	 */
	public static Arbitrary<String> jsonValue(JsonNode schema) {
		int max = schema.path("maxLength").asInt(200);
		return Arbitraries.oneOf(
				Arbitraries.of("42", "-1", "1e400", "-9223372036854775809", "1.5", "true", "null", "[]", "{}", "\"\"",
						"\" \"", "\"NOPE\"", "\"a\\u0000b\"", "\"\\u0000\"", "\"\\ud800\"", "[\"x\",1]", "{\"a\":{}}",
						"\"not-a-uuid\"", "\"2026-13-45T99:99:99Z\"", "\"\\u202e\"", "[null]"),
				Arbitraries.of(max + 1, max * 10 + 7, 150_000).map((length) -> quote("w".repeat(length))),
				Arbitraries.of(">", "- ", "* ", "1. ", "*_", "[", "> - ", "**")
					.map((marker) -> quote(marker.repeat(100_000 / marker.length()))),
				Arbitraries.integers().between(100, 3000).map((depth) -> "[".repeat(depth) + "]".repeat(depth)),
				Arbitraries.strings().all().ofMaxLength(20).map(HostileInput::quote));
	}

	/**
	 * A body that is not JSON at all, or broken JSON.
	 * @return the generator, of raw bytes
	 */
	public static Arbitrary<byte[]> brokenBody() {
		return Arbitraries.oneOf(
				Arbitraries
					.of("{", "{\"a\":", "[", "nul", "{\"a\":1,}", "{'a':1}", "\"x\"", "42", "[]", "{}{}", "\uFEFF{}",
							"--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--b--\r\n")
					.map((text) -> text.getBytes(StandardCharsets.UTF_8)),
				Arbitraries.of(new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}' },
						new byte[] { '{', '"', (byte) 0xc3, (byte) 0x28, '"', ':', '1', '}' }, new byte[] { 0, 0, 0 }),
				Arbitraries.integers()
					.between(600, 5000)
					.map((depth) -> ("{\"a\":".repeat(depth) + "1" + "}".repeat(depth))
						.getBytes(StandardCharsets.UTF_8)),
				Arbitraries.bytes().array(byte[].class).ofMaxSize(64));
	}

	private static Arbitrary<String> overLong() {
		return Arbitraries.of(31, 37, 51, 121, 201, 1001, 5000).map("x"::repeat);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String quote(String value) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			if (c == '"' || c == '\\' || c < 0x20) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.append('"').toString();
	}

}
