package com.muejam.stories;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.pagination.Keyset;
import com.muejam.core.visibility.ReaderPreferences;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL that reads stories: a story read and keyset-paginated lists in one statement
 * each (author, tags and chapter counts included, see {@link StoryRow}), batch lookups
 * that serve a whole page at once, and the conditions other statements share (what
 * readers can see, the chapter counts). A row keeps what it derives from its chapters and
 * tags, so that reads need no other table than the authors': the counters
 * ({@link StoryCounterQueries}), the tags' names and slugs and the search document
 * ({@link StoryRowQueries}, with the other writes of a row the Story entity leaves
 * alone).
 */
@Component
class StoryQueries {

	/** A story readers can see now. */
	static final String STORY_VISIBLE = storyVisibleAt("now()");

	/** A chapter readers can see now (its story must be visible too). */
	static final String CHAPTER_VISIBLE = chapterVisibleAt("c", "now()");

	/** A chapter its author can see: anything not deleted. */
	static final String CHAPTER_KEPT = "c.deleted_at is null";

	private static final String BY_AUTHOR = """
			and s.author_id = (select p.id from user_profiles p where lower(p.handle) = :author and p.deleted_at is null)""";

	/**
	 * Where a tag's page selects from: the tag's rows in {@code story_tags}, which carry
	 * their story's {@code published_at} (V34) so that the page walks the tag's own index
	 * in the feed's order and stops after a page, then each row's story (and its author,
	 * joined after it). The story is a lateral subquery, read row by row as the walk
	 * goes: a generic plan would otherwise join every story of a common tag by hash
	 * before it sorts.
	 */
	private static final String TAGGED_FROM = """
			from story_tags st cross join lateral (select * from stories tagged where tagged.id = st.story_id offset 0) s""";

	/** The tag's condition of a tag's page. */
	private static final String TAGGED = """
			and st.tag_id = (select t.id from tags t where t.slug = :tag) and st.published_at is not null""";

	/**
	 * A story a reader's preferences admit: rated at most their limit, no muted tag
	 * (parameters from {@link #admittedParams}).
	 */
	static final String ADMITTED = "s.rating = any(:ratings) and not (s.tag_slugs && cast(:mutedTags as text[]))";

	/** An id no row has, standing in for an absent one so parameters stay typed. */
	static final UUID NOBODY = new UUID(0, 0);

	private final JdbcClient jdbc;

	StoryQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A story by slug or id, with its author, tags and chapter count, in one statement:
	 * for its author whatever its state (drafts, with every chapter that is not deleted),
	 * for anyone else only while readers can see it.
	 * @param key the slug, or the id as text
	 * @param id the id, when the key has the shape of one; it wins over a slug
	 * @param viewerId the caller, or {@code null}
	 * @param now the moment readers' visibility is judged at
	 * @return the story, empty if unknown, deleted, or not visible to the caller
	 */
	Optional<StoryRow> byKey(String key, @Nullable UUID id, @Nullable UUID viewerId, Instant now) {
		return this.jdbc
			.sql("""
					select %s, %s %s
					where (s.slug = :key or s.id = :id) and s.deleted_at is null and (s.author_id = :viewer or %s)
					order by s.id = :id desc limit 1""".formatted(StoryRow.COLUMNS, chapterCountFor(":viewer"),
					StoryRow.FROM, storyVisibleAt(":now")))
			.param("key", key)
			.param("id", (id != null) ? id : NOBODY)
			.param("viewer", (viewerId != null) ? viewerId : NOBODY)
			.param("now", Timestamp.from(now))
			.query(StoryRow::map)
			.optional();
	}

	/**
	 * A page of published stories, newest first, in one statement.
	 * @param selection which stories
	 * @param after the position to continue after, or {@code null} for the first page
	 * @param limit rows to fetch
	 * @param rows what to make of each row ({@link StoryRow#map} reads all of it)
	 * @param <T> what a row becomes
	 * @return the rows
	 */
	<T> List<T> publicPage(PublicSelection selection, @Nullable Keyset after, int limit, RowMapper<T> rows) {
		return publicList(selection, StoryRow.COLUMNS + ", " + chapterCount(false), true, after, limit).query(rows)
			.list();
	}

	/**
	 * The positions of a page of published stories, as {@link #publicPage} pages them:
	 * each story's {@code published_at} and id, read from the story rows alone.
	 * @param selection which stories
	 * @param after the position to continue after, or {@code null} for the first page
	 * @param limit rows to fetch
	 * @return the positions, in the list's order
	 */
	List<Keyset> publicPositions(PublicSelection selection, @Nullable Keyset after, int limit) {
		return publicList(selection, "s.published_at, s.id", false, after, limit)
			.query((rs, n) -> new Keyset(rs.getTimestamp(1).toInstant(), rs.getObject(2, UUID.class)))
			.list();
	}

	private JdbcClient.StatementSpec publicList(PublicSelection selection, String columns, boolean withAuthors,
			@Nullable Keyset after, int limit) {
		String authorHandle = selection.authorHandle();
		String tagSlug = selection.tagSlug();
		// a tag's page is ordered by its rows' copy of the story's position
		String position = (tagSlug != null) ? "st.published_at, st.story_id" : "s.published_at, s.id";
		String from = ((tagSlug != null) ? TAGGED_FROM : "from stories s")
				+ (withAuthors ? " " + StoryRow.AUTHOR_JOIN : "");
		String page = """
				select %s %s
				where %s and s.author_id <> all(:hidden) and s.id <> all(:leftOut) and %s
				and s.word_count between :minWords and :maxWords
				%s %s %s
				order by %s limit :limit""".formatted(columns, from, STORY_VISIBLE, ADMITTED,
				(authorHandle != null) ? BY_AUTHOR : "", (tagSlug != null) ? TAGGED : "",
				Keyset.seekDescending(after, position), position.replace(",", " desc,") + " desc");
		return this.jdbc.sql(page)
			.param("hidden", selection.hiddenAuthors().toArray(UUID[]::new))
			.param("leftOut", selection.leftOut().toArray(UUID[]::new))
			.params(admittedParams(selection.preferences()))
			.param("minWords", selection.words().min())
			.param("maxWords", selection.words().max())
			.params((authorHandle != null) ? Map.of("author", authorHandle.toLowerCase(Locale.ROOT)) : Map.of())
			.params((tagSlug != null) ? Map.of("tag", tagSlug) : Map.of())
			.param("limit", limit)
			.params(Keyset.params(after));
	}

	/**
	 * The parameters of {@link #ADMITTED}.
	 * @param preferences what the reader asked not to see
	 * @return the parameters by name
	 */
	static Map<String, Object> admittedParams(ReaderPreferences preferences) {
		return Map.of("ratings", preferences.maxRating().admitted(), "mutedTags", preferences.mutedTagArray());
	}

	/**
	 * The stories among these ids that readers can see, in one statement.
	 * @param ids the stories
	 * @param rows what to make of each row
	 * @param <T> what a row becomes
	 * @return them, in no particular order
	 */
	<T> List<T> visibleByIds(Collection<UUID> ids, RowMapper<T> rows) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("""
					select %s, %s %s where s.id = any(:ids) and %s""".formatted(StoryRow.COLUMNS, chapterCount(false),
					StoryRow.FROM, STORY_VISIBLE))
			.param("ids", ids.toArray(UUID[]::new))
			.query(rows)
			.list();
	}

	/**
	 * A lateral join of the story whose id an SQL expression names, as readers can see it
	 * now, aliased {@code story}: nulls if they cannot see it.
	 * @param storyId the SQL expression of the story's id
	 * @param columns whether to join the story's columns ({@link StoryRow#COLUMNS} and
	 * its readers' chapter count), or only its {@code id}
	 * @return the join
	 */
	static String visibleStoryJoin(String storyId, boolean columns) {
		return "left " + requiredVisibleStoryJoin(storyId, columns);
	}

	/**
	 * As {@link #visibleStoryJoin}, leaving out the rows whose story readers cannot see.
	 */
	static String requiredVisibleStoryJoin(String storyId, boolean columns) {
		String selected = columns ? StoryRow.COLUMNS + ", " + chapterCount(false) + " " + StoryRow.FROM
				: "s.id from stories s";
		return "join lateral (select %s where s.id = %s and %s) story on true".formatted(selected, storyId,
				STORY_VISIBLE);
	}

	/**
	 * A page of an author's own stories, drafts included, newest first, in one statement.
	 * @param authorId the author
	 * @param after the position to continue after, or {@code null}
	 * @param limit rows to fetch
	 * @return the rows, counting every chapter that is not deleted
	 */
	List<StoryRow> ownPage(UUID authorId, @Nullable Keyset after, int limit) {
		return this.jdbc
			.sql("""
					select %s, %s %s where s.author_id = :author and s.deleted_at is null %s
					order by s.created_at desc, s.id desc limit :limit""".formatted(StoryRow.COLUMNS,
					chapterCount(true), StoryRow.FROM, Keyset.seekDescending(after, "s.created_at, s.id")))
			.param("author", authorId)
			.param("limit", limit)
			.params(Keyset.params(after))
			.query(StoryRow::map)
			.list();
	}

	/**
	 * A story readers can see at a moment.
	 * @param moment an SQL expression of type {@code timestamptz}
	 * @return the condition over a {@code stories} row aliased {@code s}
	 */
	static String storyVisibleAt(String moment) {
		return "s.published and s.published_at <= " + moment + " and s.deleted_at is null and s.hidden_at is null";
	}

	/**
	 * A chapter readers can see at a moment (its story's visibility is not included).
	 * @param alias the alias of the {@code chapters} row
	 * @param moment an SQL expression of type {@code timestamptz}
	 * @return the condition
	 */
	static String chapterVisibleAt(String alias, String moment) {
		return "%1$s.published and %1$s.published_at <= %2$s and %1$s.deleted_at is null and %1$s.hidden_at is null"
			.formatted(alias, moment);
	}

	/**
	 * The chapters readers can see now, from the story row's counters while no scheduled
	 * chapter has gone live since they were written, counted over the chapters otherwise.
	 * @return the expression over a {@code stories} row aliased {@code s}
	 */
	static String liveChapterCount() {
		return """
				case when s.next_chapter_at is null or s.next_chapter_at > now() then s.live_chapter_count
				     else (select count(*) from chapters c where c.story_id = s.id and %s) end"""
			.formatted(CHAPTER_VISIBLE);
	}

	/**
	 * The chapters a viewer counts: every one that is not deleted for the story's author,
	 * the ones readers can see for anyone else.
	 * @param viewer an SQL expression for the viewer's id (possibly null)
	 * @return the column
	 */
	private static String chapterCountFor(String viewer) {
		return """
				case when s.author_id = %s then (select count(*) from chapters c where c.story_id = s.id and %s)
				     else %s end as chapter_count""".formatted(viewer, CHAPTER_KEPT, liveChapterCount());
	}

	private static String chapterCount(boolean ownerView) {
		return ownerView ? """
				(select count(*) from chapters c where c.story_id = s.id and %s) as chapter_count"""
			.formatted(CHAPTER_KEPT) : liveChapterCount() + " as chapter_count";
	}

}
