package com.muejam.highlights;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-anchoring does work linear in the chapter's length, however often the quote repeats:
 * the old search ({@code indexOf} from every occurrence) compared up to quote length x
 * text length characters.
 */
class ReanchoringCostTests {

	@Test
	void findsTheRightOccurrenceAmongManyInLinearWork() {
		String quote = "a".repeat(4000);
		String before = "x".repeat(10_000) + "[" + quote + "]" + "a".repeat(50_000);
		Anchor original = Anchor.of(before, 10_001, 10_001 + quote.length());
		// the edit pads the start; the quote now occurs ~250,000 times in the new text
		String after = "a".repeat(250_000) + "x".repeat(10_000) + "[" + quote + "]" + "a".repeat(50_000);
		Anchor.Work work = new Anchor.Work();
		Optional<Anchor> moved = original.reanchor(after, work);
		assertThat(moved).isPresent();
		// the occurrence between the brackets matches the old context best
		assertThat(moved.get().start()).isEqualTo(260_001);
		assertThat(moved.get().quote()).isEqualTo(quote);
		long linearBound = (2L + 2L * Anchor.CONTEXT) * (after.length() + quote.length());
		assertThat(work.comparisons()).isPositive().isLessThanOrEqualTo(linearBound);
		// far below what scanning from every occurrence costs (quote length per
		// occurrence)
		assertThat(work.comparisons()).isLessThan((long) quote.length() * 250_000 / 100);
	}

	@Test
	void workGrowsLinearlyWithTheText() {
		Anchor original = Anchor.of("b" + "a".repeat(1000) + "b", 1, 1001);
		long small = work(original, "a".repeat(100_000));
		long large = work(original, "a".repeat(200_000));
		assertThat(large).isLessThanOrEqualTo(small * 21 / 10);
	}

	@Test
	void anOrphanedQuoteCostsOnlyTheScan() {
		Anchor original = Anchor.of("x" + "a".repeat(3999) + "b", 1, 4001);
		Anchor.Work work = new Anchor.Work();
		assertThat(original.reanchor("a".repeat(300_000), work)).isEmpty();
		assertThat(work.comparisons()).isLessThanOrEqualTo(2L * (300_000 + 4000));
	}

	private static long work(Anchor anchor, String text) {
		Anchor.Work work = new Anchor.Work();
		assertThat(anchor.reanchor(text, work)).isPresent();
		return work.comparisons();
	}

}
