package com.muejam.library;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.pagination.Keyset;
import com.muejam.library.LibraryViews.BookmarkView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of bookmarks: a reader's bookmarks per chapter, within a quota, and their
 * clamping to a revised chapter's end.
 */
@Component
final class BookmarkQueries {

	private final JdbcClient jdbc;

	BookmarkQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds a bookmark unless the reader already keeps {@code quota} in the chapter.
	 * @param bookmark the bookmark
	 * @param userId the reader
	 * @param quota bookmarks allowed per chapter
	 * @return whether it was added
	 */
	boolean insertBookmarkWithin(BookmarkView bookmark, UUID userId, int quota) {
		return this.jdbc.sql("""
				insert into bookmarks (id, user_id, chapter_id, char_offset, created_at)
				select :id, :user, :chapter, :offset, :now
				where (select count(*) from bookmarks where user_id = :user and chapter_id = :chapter) < :quota""")
			.param("id", bookmark.id())
			.param("user", userId)
			.param("chapter", bookmark.chapterId())
			.param("offset", bookmark.offset())
			.param("now", Timestamp.from(bookmark.createdAt()))
			.param("quota", quota)
			.update() > 0;
	}

	/**
	 * A page of the reader's bookmarks in a chapter, newest first.
	 * @param userId the reader
	 * @param chapterId the chapter
	 * @param after the position to continue after, or {@code null} for the first page
	 * @param limit rows to fetch
	 * @return the bookmarks
	 */
	List<BookmarkView> bookmarkPage(UUID userId, UUID chapterId, @Nullable Keyset after, int limit) {
		return this.jdbc
			.sql("""
					select id, chapter_id, char_offset, created_at from bookmarks
					where user_id = :user and chapter_id = :chapter %s
					order by created_at desc, id desc limit :limit"""
				.formatted(Keyset.seekDescending(after, "created_at, id")))
			.param("user", userId)
			.param("chapter", chapterId)
			.param("limit", limit)
			.params(Keyset.params(after))
			.query((rs, n) -> new BookmarkView(rs.getObject("id", UUID.class), rs.getObject("chapter_id", UUID.class),
					rs.getInt("char_offset"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/**
	 * Deletes one of the reader's bookmarks.
	 * @param userId the reader
	 * @param bookmarkId the bookmark
	 * @return whether the reader had it
	 */
	boolean deleteBookmark(UUID userId, UUID bookmarkId) {
		return this.jdbc.sql("delete from bookmarks where id = :id and user_id = :user")
			.param("id", bookmarkId)
			.param("user", userId)
			.update() > 0;
	}

	/**
	 * Moves bookmarks past a chapter's end to its end.
	 * @param chapterId the chapter
	 * @param length its new length
	 */
	void clampBookmarks(UUID chapterId, int length) {
		this.jdbc.sql("""
				update bookmarks set char_offset = :length
				where chapter_id = :chapter and char_offset > :length""")
			.param("length", length)
			.param("chapter", chapterId)
			.update();
	}

}
