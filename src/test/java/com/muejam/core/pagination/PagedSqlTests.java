package com.muejam.core.pagination;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A paged statement's two texts: the first page's without a seek condition, the later
 * pages' with it, each formatted once.
 */
class PagedSqlTests {

	private static final PagedSql PAGE = PagedSql.of((after) -> """
			select id from stories where published %s order by created_at desc, id desc limit :limit"""
		.formatted(Keyset.seekDescending(after, "created_at, id")));

	@Test
	void theFirstPageHasNoSeekAndTheOthersHaveIt() {
		Keyset position = new Keyset(Instant.parse("2026-12-07T00:00:00Z"), UUID.randomUUID());
		assertThat(PAGE.text(null))
			.isEqualTo("select id from stories where published  order by created_at desc, id desc limit :limit");
		assertThat(PAGE.text(position)).isEqualTo("select id from stories where published "
				+ "and (created_at, id) < (cast(:at as timestamptz), :id) order by created_at desc, id desc limit :limit");
	}

	@Test
	void eachTextIsFormattedOnce() {
		assertThat(PAGE.text(null)).isSameAs(PAGE.text(null));
		assertThat(PAGE.text(new Keyset(Instant.EPOCH, UUID.randomUUID())))
			.isSameAs(PAGE.text(new Keyset(Instant.now(), UUID.randomUUID())));
	}

}
