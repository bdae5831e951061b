package com.muejam.highlights;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.pagination.Keyset;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of highlights: a reader's own in a chapter (added within the quota, listed,
 * deleted), the lookup other modules use, and the batches re-anchoring reads and writes.
 */
@Component
final class HighlightQueries {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate template;

	HighlightQueries(JdbcClient jdbc, NamedParameterJdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * Adds a highlight unless the reader already keeps {@code quota} in the chapter.
	 * @param id the new highlight's id
	 * @param userId the reader
	 * @param chapterId the chapter
	 * @param anchor where it is
	 * @param now when
	 * @param quota highlights allowed per chapter
	 * @return whether it was added
	 */
	boolean insertWithin(UUID id, UUID userId, UUID chapterId, Anchor anchor, Instant now, int quota) {
		return this.jdbc
			.sql("""
					insert into highlights (id, user_id, chapter_id, start_offset, end_offset, quote, prefix, suffix, created_at, updated_at)
					select :id, :user, :chapter, :start, :end, :quote, :prefix, :suffix, :now, :now
					where (select count(*) from highlights where user_id = :user and chapter_id = :chapter) < :quota""")
			.param("id", id)
			.param("user", userId)
			.param("chapter", chapterId)
			.param("start", anchor.start())
			.param("end", anchor.end())
			.param("quote", anchor.quote())
			.param("prefix", anchor.prefix())
			.param("suffix", anchor.suffix())
			.param("now", Timestamp.from(now))
			.param("quota", quota)
			.update() > 0;
	}

	/**
	 * A page of the reader's highlights in a chapter, newest first.
	 * @param userId the reader
	 * @param chapterId the chapter
	 * @param after the position to continue after, or {@code null} for the first page
	 * @param limit rows to fetch
	 * @return the highlights
	 */
	List<HighlightView> page(UUID userId, UUID chapterId, @Nullable Keyset after, int limit) {
		return this.jdbc
			.sql("""
					select id, chapter_id, start_offset, end_offset, quote, orphaned, created_at from highlights
					where user_id = :user and chapter_id = :chapter %s
					order by created_at desc, id desc limit :limit"""
				.formatted(Keyset.seekDescending(after, "created_at, id")))
			.param("user", userId)
			.param("chapter", chapterId)
			.param("limit", limit)
			.params(Keyset.params(after))
			.query((rs, n) -> new HighlightView(rs.getObject("id", UUID.class), rs.getObject("chapter_id", UUID.class),
					rs.getInt("start_offset"), rs.getInt("end_offset"), rs.getString("quote"),
					rs.getBoolean("orphaned"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/**
	 * Deletes one of the reader's highlights.
	 * @param userId the reader
	 * @param highlightId the highlight
	 * @return whether the reader had it
	 */
	boolean delete(UUID userId, UUID highlightId) {
		return this.jdbc.sql("delete from highlights where id = :id and user_id = :user")
			.param("id", highlightId)
			.param("user", userId)
			.update() > 0;
	}

	/**
	 * A highlight, whoever's it is.
	 * @param highlightId the highlight
	 * @return the highlight, empty if unknown
	 */
	Optional<HighlightRef> find(UUID highlightId) {
		return this.jdbc.sql("select id, user_id, chapter_id, quote from highlights where id = :id")
			.param("id", highlightId)
			.query((rs, n) -> new HighlightRef(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
					rs.getObject("chapter_id", UUID.class), rs.getString("quote")))
			.optional();
	}

	/**
	 * The next highlights of a chapter, in id order.
	 * @param chapterId the chapter
	 * @param after the id to continue after
	 * @param limit rows to fetch
	 * @return the highlights
	 */
	List<Stored> batchAfter(UUID chapterId, UUID after, int limit) {
		return this.jdbc.sql("""
				select id, start_offset, end_offset, quote, prefix, suffix, orphaned from highlights
				where chapter_id = :chapter and id > :after order by id limit :limit""")
			.param("chapter", chapterId)
			.param("after", after)
			.param("limit", limit)
			.query((rs, n) -> new Stored(rs.getObject("id", UUID.class),
					new Anchor(rs.getInt("start_offset"), rs.getInt("end_offset"), rs.getString("quote"),
							rs.getString("prefix"), rs.getString("suffix")),
					rs.getBoolean("orphaned")))
			.list();
	}

	/**
	 * Moves highlights to their new anchors, un-orphaning them, in one batch.
	 * @param moved the highlights with their new anchors
	 */
	void moveAll(List<Stored> moved) {
		if (!moved.isEmpty()) {
			this.template.batchUpdate("""
					update highlights set start_offset = :start, end_offset = :end, prefix = :prefix, suffix = :suffix,
					orphaned = false, updated_at = now() where id = :id""",
					moved.stream()
						.map((highlight) -> new MapSqlParameterSource().addValue("start", highlight.anchor().start())
							.addValue("end", highlight.anchor().end())
							.addValue("prefix", highlight.anchor().prefix())
							.addValue("suffix", highlight.anchor().suffix())
							.addValue("id", highlight.id()))
						.toArray(SqlParameterSource[]::new));
		}
	}

	/**
	 * Marks highlights orphaned in one batch.
	 * @param highlightIds the highlights
	 */
	void orphanAll(List<UUID> highlightIds) {
		if (!highlightIds.isEmpty()) {
			this.template.batchUpdate("""
					update highlights set orphaned = true, updated_at = now() where id = :id""",
					highlightIds.stream()
						.map((id) -> new MapSqlParameterSource("id", id))
						.toArray(SqlParameterSource[]::new));
		}
	}

	/**
	 * Marks a chapter's highlights after an id orphaned.
	 * @param chapterId the chapter
	 * @param after the last id left as it is
	 * @return the highlights newly orphaned
	 */
	int orphanAfter(UUID chapterId, UUID after) {
		return this.jdbc.sql("""
				update highlights set orphaned = true, updated_at = now()
				where chapter_id = :chapter and id > :after and not orphaned""")
			.param("chapter", chapterId)
			.param("after", after)
			.update();
	}

	/**
	 * A highlight as stored.
	 *
	 * @param id the highlight
	 * @param anchor where it is
	 * @param orphaned whether its words were gone at the last edit
	 */
	record Stored(UUID id, Anchor anchor, boolean orphaned) {
	}

	/**
	 * Deletes an account's highlights, except those someone's whisper is about: those
	 * stay (a quote of a public chapter, now of an anonymized account) so the whispers
	 * keep their passage.
	 * @param userId the account
	 */
	void deleteAllOf(UUID userId) {
		this.jdbc.sql("""
				delete from highlights h where h.user_id = :user
				and not exists (select 1 from whispers w where w.highlight_id = h.id)""")
			.param("user", userId)
			.update();
	}

}
