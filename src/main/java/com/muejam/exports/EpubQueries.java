package com.muejam.exports;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of stored books: which revision of a story's book is stored where.
 */
@Component
class EpubQueries {

	private final JdbcClient jdbc;

	EpubQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredBook> stored(UUID storyId) {
		return this.jdbc.sql("select revision, object_key, size_bytes from epub_exports where story_id = :story")
			.param("story", storyId)
			.query((rs, row) -> new StoredBook(rs.getString("revision"), rs.getString("object_key"),
					rs.getLong("size_bytes")))
			.optional();
	}

	/**
	 * Records a story's stored book, replacing the one before.
	 * @param storyId the story
	 * @param book the book stored
	 * @return the key of the book it replaced, when that was stored elsewhere
	 */
	Optional<String> record(UUID storyId, StoredBook book) {
		return this.jdbc.sql("""
				with previous as (select object_key from epub_exports where story_id = :story for update),
				recorded as (
				    insert into epub_exports (story_id, revision, object_key, size_bytes, built_at)
				    values (:story, :revision, :key, :size, now())
				    on conflict (story_id) do update
				    set revision = excluded.revision, object_key = excluded.object_key,
				        size_bytes = excluded.size_bytes, built_at = excluded.built_at)
				select object_key from previous""")
			.param("story", storyId)
			.param("revision", book.revision())
			.param("key", book.objectKey())
			.param("size", book.sizeBytes())
			.query(String.class)
			.optional()
			.filter((previous) -> !previous.equals(book.objectKey()));
	}

	/**
	 * Forgets a story's book.
	 * @param storyId the story
	 * @return the key it was stored under
	 */
	Optional<String> forget(UUID storyId) {
		return this.jdbc.sql("delete from epub_exports where story_id = :story returning object_key")
			.param("story", storyId)
			.query(String.class)
			.optional();
	}

	/**
	 * Forgets the books of an author's stories.
	 * @param authorId the author
	 * @return the keys they were stored under
	 */
	List<String> forgetAllBy(UUID authorId) {
		return this.jdbc.sql("""
				delete from epub_exports e using stories s
				where s.id = e.story_id and s.author_id = :author
				returning e.object_key""").param("author", authorId).query(String.class).list();
	}

	/**
	 * A story's book as stored.
	 *
	 * @param revision the revision it shows
	 * @param objectKey where it is stored
	 * @param sizeBytes its size
	 */
	record StoredBook(String revision, String objectKey, long sizeBytes) {
	}

}
