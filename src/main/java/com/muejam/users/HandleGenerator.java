package com.muejam.users;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Makes handles for new profiles from what the token says about the user (name or email),
 * with a random suffix so that most first tries are free: {@code alice_k3x9q2}.
 */
final class HandleGenerator {

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

	private static final int BASE_MAX = 20;

	private final SecureRandom random = new SecureRandom();

	Handle generate(@Nullable String hint) {
		return new Handle(base(hint) + '_' + suffix(6));
	}

	static String base(@Nullable String hint) {
		if (hint == null) {
			return "reader";
		}
		String local = hint.contains("@") ? hint.substring(0, hint.indexOf('@')) : hint;
		String ascii = Normalizer.normalize(local, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		String cleaned = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
		if (cleaned.length() > BASE_MAX) {
			cleaned = cleaned.substring(0, BASE_MAX);
		}
		return (cleaned.length() < 3) ? "reader" : cleaned;
	}

	private String suffix(int length) {
		StringBuilder suffix = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			suffix.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return suffix.toString();
	}

}
