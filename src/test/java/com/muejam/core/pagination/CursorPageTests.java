package com.muejam.core.pagination;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CursorPageTests {

	@Test
	void aPageOfMoreRowsThanItsSizeEndsWithTheCursorOfItsLastItem() {
		CursorPage<Integer> page = CursorPage.of(List.of(1, 2, 3), new PageParams(null, 2), (n) -> "after-" + n);
		assertThat(page.data()).containsExactly(1, 2);
		assertThat(page.nextCursor()).isEqualTo("after-2");
	}

	@Test
	void itemsThatMapToNothingAreLeftOutAndTheNextPageStillFollows() {
		CursorPage<Integer> page = CursorPage.of(List.of(1, 2, 3, 4), new PageParams(null, 3), (n) -> "after-" + n);
		CursorPage<String> shown = page.mapPresent((n) -> (n == 2) ? null : "item " + n);
		assertThat(shown.data()).containsExactly("item 1", "item 3");
		assertThat(shown.nextCursor()).isEqualTo("after-3");
	}

}
