package com.muejam.library;

import java.time.Clock;
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
import com.muejam.stories.ChapterPlace;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookmarks: places in a chapter a reader wants to find again. Private to the reader.
 */
@Service
class BookmarkService {

	private static final String LIST = "bookmarks";

	private final BookmarkQueries queries;

	private final ReadableChapters readable;

	private final CursorCodec cursors;

	private final Quotas quotas;

	private final Clock clock;

	BookmarkService(BookmarkQueries queries, ReadableChapters readable, CursorCodec cursors, Quotas quotas,
			Clock clock) {
		this.queries = queries;
		this.readable = readable;
		this.cursors = cursors;
		this.quotas = quotas;
		this.clock = clock;
	}

	@Transactional
	BookmarkView create(CurrentUser user, UUID chapterId, int offset) {
		ChapterPlace chapter = this.readable.require(user, chapterId);
		ReadableChapters.offsetWithin(chapter, offset);
		BookmarkView bookmark = new BookmarkView(UUID.randomUUID(), chapter.id(), offset, this.clock.instant());
		if (!this.queries.insertBookmarkWithin(bookmark, user.id(), this.quotas.bookmarksPerChapter())) {
			throw new QuotaExceeded("bookmarks_per_chapter", this.quotas.bookmarksPerChapter(),
					"bookmarks in this chapter");
		}
		return bookmark;
	}

	@Transactional(readOnly = true)
	CursorPage<BookmarkView> list(CurrentUser user, UUID chapterId, PageParams page) {
		ChapterPlace chapter = this.readable.require(user, chapterId);
		Keyset after = Keyset.after(this.cursors, LIST, page);
		List<BookmarkView> rows = this.queries.bookmarkPage(user.id(), chapter.id(), after, page.fetchSize());
		return CursorPage.of(rows, page,
				(bookmark) -> new Keyset(bookmark.createdAt(), bookmark.id()).encode(this.cursors, LIST));
	}

	@Transactional
	void delete(CurrentUser user, UUID bookmarkId) {
		if (!this.queries.deleteBookmark(user.id(), bookmarkId)) {
			throw ApiException.notFound("Bookmark");
		}
	}

}
