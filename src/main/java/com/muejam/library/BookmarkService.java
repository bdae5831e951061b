package com.muejam.library;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.muejam.core.error.ApiException;
import com.muejam.core.pagination.CursorCodec;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.Keyset;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.quota.QuotaExceeded;
import com.muejam.core.quota.Quotas;
import com.muejam.core.security.CurrentUser;
import com.muejam.library.LibraryViews.BookmarkView;
import com.muejam.stories.ChapterText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookmarks: places in a chapter a reader wants to find again. Private to the reader.
 */
@Service
class BookmarkService {

	private static final String LIST = "bookmarks";

	private final JdbcClient jdbc;

	private final ReadableChapters readable;

	private final CursorCodec cursors;

	private final Quotas quotas;

	private final Clock clock;

	BookmarkService(JdbcClient jdbc, ReadableChapters readable, CursorCodec cursors, Quotas quotas, Clock clock) {
		this.jdbc = jdbc;
		this.readable = readable;
		this.cursors = cursors;
		this.quotas = quotas;
		this.clock = clock;
	}

	@Transactional
	BookmarkView create(CurrentUser user, UUID chapterId, int offset) {
		ChapterText chapter = this.readable.require(user, chapterId);
		ReadableChapters.offsetWithin(chapter, offset);
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		int inserted = this.jdbc.sql("""
				insert into bookmarks (id, user_id, chapter_id, char_offset, created_at)
				select :id, :user, :chapter, :offset, :now
				where (select count(*) from bookmarks where user_id = :user and chapter_id = :chapter) < :quota""")
			.param("id", id)
			.param("user", user.id())
			.param("chapter", chapter.id())
			.param("offset", offset)
			.param("now", Timestamp.from(now))
			.param("quota", this.quotas.bookmarksPerChapter())
			.update();
		if (inserted == 0) {
			throw new QuotaExceeded("bookmarks_per_chapter", this.quotas.bookmarksPerChapter(),
					"bookmarks in this chapter");
		}
		return new BookmarkView(id, chapter.id(), offset, now);
	}

	@Transactional(readOnly = true)
	CursorPage<BookmarkView> list(CurrentUser user, UUID chapterId, PageParams page) {
		ChapterText chapter = this.readable.require(user, chapterId);
		Keyset after = (page.cursor() != null) ? Keyset.decode(this.cursors, LIST, page.cursor()) : null;
		List<BookmarkView> rows = this.jdbc
			.sql("""
					select id, chapter_id, char_offset, created_at from bookmarks
					where user_id = :user and chapter_id = :chapter %s
					order by created_at desc, id desc limit :limit"""
				.formatted(Keyset.seekDescending(after, "created_at, id")))
			.param("user", user.id())
			.param("chapter", chapter.id())
			.param("limit", page.fetchSize())
			.params(Keyset.params(after))
			.query((rs, n) -> new BookmarkView(rs.getObject("id", UUID.class), rs.getObject("chapter_id", UUID.class),
					rs.getInt("char_offset"), rs.getTimestamp("created_at").toInstant()))
			.list();
		return CursorPage.of(rows, page,
				(bookmark) -> new Keyset(bookmark.createdAt(), bookmark.id()).encode(this.cursors, LIST));
	}

	@Transactional
	void delete(CurrentUser user, UUID bookmarkId) {
		int deleted = this.jdbc.sql("delete from bookmarks where id = :id and user_id = :user")
			.param("id", bookmarkId)
			.param("user", user.id())
			.update();
		if (deleted == 0) {
			throw ApiException.notFound("Bookmark");
		}
	}

}
