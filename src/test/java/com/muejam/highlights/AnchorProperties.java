package com.muejam.highlights;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-anchoring: for any chapter text, any highlight in it, and any edit that keeps the
 * quoted words, the re-anchored highlight quotes the same words, at their new place when
 * the edit keeps them unambiguous.
 */
class AnchorProperties {

	@Property(tries = 1000)
	void reanchoredHighlightQuotesTheSameWords(@ForAll("edits") Edit edit) {
		Anchor original = Anchor.of(edit.before(), edit.start(), edit.end());
		Anchor moved = original.reanchor(edit.after()).orElseThrow();
		assertThat(edit.after().substring(moved.start(), moved.end())).isEqualTo(original.quote());
		int shifted = edit.start() + edit.inserted().length() - edit.removedBefore();
		if (edit.after().indexOf(original.quote()) == edit.after().lastIndexOf(original.quote())) {
			assertThat(moved.start()).isEqualTo(shifted);
		}
	}

	@Property(tries = 300)
	void anchorsIffOffsetsFollowTheRule(@ForAll("texts") String text, @ForAll int start, @ForAll int end) {
		int s = Math.floorMod(start, text.length() + 3) - 1;
		int e = Math.floorMod(end, text.length() + 3) - 1;
		boolean valid = 0 <= s && s < e && e <= text.length();
		boolean accepted;
		try {
			Anchor anchor = Anchor.of(text, s, e);
			assertThat(anchor.quote()).isEqualTo(text.substring(s, e));
			accepted = true;
		}
		catch (com.muejam.core.error.ApiException ex) {
			accepted = false;
		}
		assertThat(accepted).isEqualTo(valid);
	}

	@Provide
	Arbitrary<String> texts() {
		return Arbitraries.strings().withChars("abc .\n").ofMinLength(1).ofMaxLength(60);
	}

	@Provide
	Arbitrary<Edit> edits() {
		Arbitrary<String> text = Arbitraries.strings().withChars("abcde .,\n").ofMinLength(2).ofMaxLength(200);
		Arbitrary<String> insertion = Arbitraries.strings().withChars("abcdexyz .").ofMaxLength(40);
		return text.flatMap((before) -> Combinators
			.combine(Arbitraries.integers().between(0, before.length() - 1),
					Arbitraries.integers().between(1, before.length()), insertion, insertion,
					Arbitraries.integers().between(0, 100), Arbitraries.integers().between(0, 100))
			.as((a, b, insertBefore, insertAfter, cutBefore, cutAfter) -> {
				int start = Math.min(a, b - 1);
				int end = Math.max(a + 1, b);
				end = Math.min(end, before.length());
				if (start >= end) {
					start = end - 1;
				}
				int removedBefore = Math.min(cutBefore, start);
				int removedAfter = Math.min(cutAfter, before.length() - end);
				String after = insertBefore + before.substring(removedBefore, start) + before.substring(start, end)
						+ before.substring(end, before.length() - removedAfter) + insertAfter;
				return new Edit(before, start, end, after, insertBefore, removedBefore);
			}));
	}

	/**
	 * A text, a highlight in it, and the text after an edit that kept the highlighted
	 * words: text was inserted at both ends and cut from the start and the end, outside
	 * the highlight.
	 */
	record Edit(String before, int start, int end, String after, String inserted, int removedBefore) {
	}

}
