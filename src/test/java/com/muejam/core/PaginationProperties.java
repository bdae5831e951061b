package com.muejam.core;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.muejam.core.pagination.CursorCodec;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.Keyset;
import com.muejam.core.pagination.PageParams;
import com.muejam.support.IntegrationTest;
import com.muejam.support.SpringContexts;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyset pagination over a real table: following {@code next_cursor} returns every item
 * exactly once, in order, even while new items are inserted at the head (seed properties
 * 4, 29, 30).
 */
@IntegrationTest
class PaginationProperties {

	private static final String LIST = "test.profiles.newest";

	private final ApplicationContext context = SpringContexts.of(PaginationProperties.class);

	private final JdbcClient jdbc = this.context.getBean(JdbcClient.class);

	private final CursorCodec cursors = this.context.getBean(CursorCodec.class);

	private final JsonMapper json = this.context.getBean(JsonMapper.class);

	@Property(tries = 25)
	void followingCursorsReturnsEveryItemExactlyOnce(@ForAll @IntRange(min = 0, max = 60) int items,
			@ForAll @IntRange(min = 1, max = 100) int pageSize, @ForAll @IntRange(min = 1, max = 5) int distinctTimes,
			@ForAll @IntRange(min = 0, max = 3) int insertsPerPage) {
		String prefix = "user_page_" + UUID.randomUUID() + "_";
		Instant base = Instant.parse("2026-01-01T00:00:00Z");
		Set<UUID> expected = new HashSet<>();
		for (int i = 0; i < items; i++) {
			// few distinct timestamps: ties must be broken by id
			expected.add(insert(prefix + i, base.plusSeconds(i % distinctTimes)));
		}
		List<UUID> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			CursorPage<Row> page = page(prefix, new PageParams(cursor, pageSize));
			assertThat(page.data()).hasSizeLessThanOrEqualTo(pageSize);
			assertStructure(page);
			page.data().forEach((row) -> seen.add(row.id()));
			for (int i = 0; i < insertsPerPage; i++) {
				insert(prefix + "late_" + pages + "_" + i, base.plusSeconds(3600 + pages));
			}
			cursor = page.nextCursor();
			if (cursor != null) {
				Keyset position = Keyset.decode(this.cursors, LIST, cursor);
				assertThat(position.id()).isEqualTo(page.data().getLast().id());
			}
			pages++;
		}
		while (cursor != null && pages < 200);
		assertThat(seen).doesNotHaveDuplicates();
		assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
	}

	private void assertStructure(CursorPage<Row> page) {
		JsonNode body = this.json.valueToTree(page);
		assertThat(body.path("data").isArray()).isTrue();
		assertThat(body.has("next_cursor")).isTrue();
		assertThat(body.path("next_cursor").isNull() || body.path("next_cursor").isString()).isTrue();
	}

	private CursorPage<Row> page(String prefix, PageParams params) {
		var query = (params.cursor() == null) ? this.jdbc.sql("""
				select id, created_at from user_profiles where clerk_user_id like :prefix
				order by created_at desc, id desc limit :limit""") : this.jdbc.sql("""
				select id, created_at from user_profiles where clerk_user_id like :prefix
				and (created_at, id) < (:at, :id)
				order by created_at desc, id desc limit :limit""");
		query = query.param("prefix", prefix.replace("_", "\\_") + "%").param("limit", params.fetchSize());
		if (params.cursor() != null) {
			Keyset after = Keyset.decode(this.cursors, LIST, params.cursor());
			query = query.param("at", Timestamp.from(after.at())).param("id", after.id());
		}
		List<Row> rows = query
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getTimestamp("created_at").toInstant()))
			.list();
		List<Row> inOriginalSet = rows.stream()
			.filter((row) -> !row.createdAt().isAfter(Instant.parse("2026-01-01T00:59:59Z")))
			.toList();
		assertThat(inOriginalSet).isEqualTo(rows);
		return CursorPage.of(rows, params, (row) -> new Keyset(row.createdAt(), row.id()).encode(this.cursors, LIST));
	}

	private UUID insert(String clerkId, Instant createdAt) {
		return this.jdbc.sql("""
				insert into user_profiles (clerk_user_id, handle, display_name, created_at)
				values (:clerk, :handle, 'Paged', :at) returning id""")
			.param("clerk", clerkId)
			.param("handle", "h" + UUID.randomUUID().toString().replace("-", "").substring(0, 20))
			.param("at", Timestamp.from(createdAt))
			.query(UUID.class)
			.single();
	}

	record Row(UUID id, Instant createdAt) {
	}

}
