package com.muejam.highlights;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.muejam.core.error.ApiException;
import com.muejam.core.pagination.CursorCodec;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.Keyset;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.quota.QuotaExceeded;
import com.muejam.core.quota.Quotas;
import com.muejam.core.security.CurrentUser;
import com.muejam.stories.ChapterText;
import com.muejam.stories.StoryVisibility;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Highlights in chapters the reader can see (not across a block); each reader sees and
 * deletes only their own, and keeps at most {@code muejam.quotas.highlights-per-chapter}
 * in one chapter.
 */
@Service
public class HighlightService {

	private static final String LIST = "highlights";

	private final JdbcClient jdbc;

	private final StoryVisibility visibility;

	private final CursorCodec cursors;

	private final Quotas quotas;

	private final Clock clock;

	HighlightService(JdbcClient jdbc, StoryVisibility visibility, CursorCodec cursors, Quotas quotas, Clock clock) {
		this.jdbc = jdbc;
		this.visibility = visibility;
		this.cursors = cursors;
		this.quotas = quotas;
		this.clock = clock;
	}

	@Transactional
	HighlightView create(CurrentUser user, UUID chapterId, int start, int end) {
		ChapterText chapter = readable(user, chapterId);
		Anchor anchor = Anchor.of(chapter.content(), start, end);
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		int inserted = this.jdbc
			.sql("""
					insert into highlights (id, user_id, chapter_id, start_offset, end_offset, quote, prefix, suffix, created_at, updated_at)
					select :id, :user, :chapter, :start, :end, :quote, :prefix, :suffix, :now, :now
					where (select count(*) from highlights where user_id = :user and chapter_id = :chapter) < :quota""")
			.param("id", id)
			.param("user", user.id())
			.param("chapter", chapter.id())
			.param("start", anchor.start())
			.param("end", anchor.end())
			.param("quote", anchor.quote())
			.param("prefix", anchor.prefix())
			.param("suffix", anchor.suffix())
			.param("now", Timestamp.from(now))
			.param("quota", this.quotas.highlightsPerChapter())
			.update();
		if (inserted == 0) {
			throw new QuotaExceeded("highlights_per_chapter", this.quotas.highlightsPerChapter(),
					"highlights in this chapter");
		}
		return new HighlightView(id, chapter.id(), anchor.start(), anchor.end(), anchor.quote(), false, now);
	}

	@Transactional(readOnly = true)
	CursorPage<HighlightView> list(CurrentUser user, UUID chapterId, PageParams page) {
		ChapterText chapter = readable(user, chapterId);
		Keyset after = (page.cursor() != null) ? Keyset.decode(this.cursors, LIST, page.cursor()) : null;
		List<HighlightView> rows = this.jdbc
			.sql("""
					select id, chapter_id, start_offset, end_offset, quote, orphaned, created_at from highlights
					where user_id = :user and chapter_id = :chapter %s
					order by created_at desc, id desc limit :limit"""
				.formatted(Keyset.seekDescending(after, "created_at, id")))
			.param("user", user.id())
			.param("chapter", chapter.id())
			.param("limit", page.fetchSize())
			.params(Keyset.params(after))
			.query((rs, n) -> new HighlightView(rs.getObject("id", UUID.class), rs.getObject("chapter_id", UUID.class),
					rs.getInt("start_offset"), rs.getInt("end_offset"), rs.getString("quote"),
					rs.getBoolean("orphaned"), rs.getTimestamp("created_at").toInstant()))
			.list();
		return CursorPage.of(rows, page,
				(highlight) -> new Keyset(highlight.createdAt(), highlight.id()).encode(this.cursors, LIST));
	}

	@Transactional
	void delete(CurrentUser user, UUID highlightId) {
		int deleted = this.jdbc.sql("delete from highlights where id = :id and user_id = :user")
			.param("id", highlightId)
			.param("user", user.id())
			.update();
		if (deleted == 0) {
			throw ApiException.notFound("Highlight");
		}
	}

	/**
	 * A highlight, for modules that refer to it (a whisper about a passage).
	 * @param highlightId the highlight
	 * @return the highlight, empty if unknown
	 */
	@Transactional(readOnly = true)
	public Optional<HighlightRef> find(UUID highlightId) {
		return this.jdbc.sql("select id, user_id, chapter_id, quote from highlights where id = :id")
			.param("id", highlightId)
			.query((rs, n) -> new HighlightRef(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
					rs.getObject("chapter_id", UUID.class), rs.getString("quote")))
			.optional();
	}

	private ChapterText readable(CurrentUser user, UUID chapterId) {
		return this.visibility.readableChapter(user.id(), chapterId)
			.orElseThrow(() -> ApiException.notFound("Chapter"));
	}

}
