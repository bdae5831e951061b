package com.muejam.stories;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;

/**
 * URL slugs: lower-case ASCII words joined by hyphens ({@code Slow Burn} ->
 * {@code slow-burn}).
 */
final class Slugs {

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Slugs() {
	}

	/**
	 * The slug of a text.
	 * @param text a title or tag name
	 * @param maxLength the longest slug wanted
	 * @return the slug, empty if the text has no letters or digits
	 */
	static String of(String text, int maxLength) {
		String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > maxLength) {
			slug = slug.substring(0, maxLength).replaceAll("-+$", "");
		}
		return slug;
	}

	/**
	 * A story slug: from the title, or {@code story} for a title without letters or
	 * digits.
	 * @param title the title
	 * @return the slug
	 */
	static String forTitle(String title) {
		String slug = of(title, 80);
		return slug.isEmpty() ? "story" : slug;
	}

	/**
	 * The slug with a random suffix, for when the plain one is taken.
	 * @param slug the taken slug
	 * @return a slug that is very likely free
	 */
	static String withSuffix(String slug) {
		StringBuilder suffix = new StringBuilder(6);
		for (int i = 0; i < 6; i++) {
			suffix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return slug + "-" + suffix;
	}

}
