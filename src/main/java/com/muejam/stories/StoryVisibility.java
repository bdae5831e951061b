package com.muejam.stories;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.muejam.core.visibility.BlockedUsers;
import com.muejam.core.visibility.ReaderPreferences;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one rule for what a reader may see of stories and chapters, for every module that
 * refers to them: published, due, neither deleted nor hidden (a chapter's story too), and
 * not written by someone in a block with the reader, either way.
 */
@Service
public class StoryVisibility {

	/**
	 * The same rule as an SQL condition over a {@code stories} row aliased {@code s}, for
	 * modules that select stories in their own statements: published, due, neither
	 * deleted nor hidden (blocks are the caller's to add).
	 */
	public static final String VISIBLE_STORY_SQL = StoryQueries.STORY_VISIBLE;

	/**
	 * The same rule for a chapter, as an SQL condition over a {@code chapters} row
	 * aliased {@code c} whose story is aliased {@code s}: the chapter is published, due,
	 * neither deleted nor hidden, and so is its story.
	 */
	public static final String VISIBLE_CHAPTER_SQL = StoryQueries.CHAPTER_VISIBLE + " and "
			+ StoryQueries.STORY_VISIBLE;

	/**
	 * A chapter readers can see now, leaving its story's visibility aside, as an SQL
	 * condition over a {@code chapters} row.
	 * @param alias the alias of the {@code chapters} row
	 * @return the condition
	 */
	public static String chapterVisibleSql(String alias) {
		return StoryQueries.chapterVisibleAt(alias, "now()");
	}

	/**
	 * What a reader's preferences admit, as an SQL condition over a {@code stories} row
	 * aliased {@code s}: rated at most their limit, carrying no muted tag. Its parameters
	 * come from {@link #admittedParams}.
	 */
	public static final String ADMITTED_SQL = StoryQueries.ADMITTED;

	/**
	 * The parameters of {@link #ADMITTED_SQL}.
	 * @param preferences what the reader asked not to see
	 * @return the parameters by name
	 */
	public static Map<String, Object> admittedParams(ReaderPreferences preferences) {
		return StoryQueries.admittedParams(preferences);
	}

	/**
	 * The same rule at a given moment rather than now, for a statement that ranks at a
	 * fixed time (a later page continuing a ranking made earlier).
	 * @param moment an SQL expression of type {@code timestamptz}, such as a bound
	 * parameter
	 * @return the condition over a {@code stories} row aliased {@code s}
	 */
	public static String visibleStorySqlAt(String moment) {
		return StoryQueries.storyVisibleAt(moment);
	}

	private final StoryRepository stories;

	private final ChapterQueries chapters;

	private final ChapterCache chapterCache;

	private final StoryCatalog catalog;

	private final BlockedUsers blockedUsers;

	private final Clock clock;

	StoryVisibility(StoryRepository stories, ChapterQueries chapters, ChapterCache chapterCache, StoryCatalog catalog,
			BlockedUsers blockedUsers, Clock clock) {
		this.stories = stories;
		this.chapters = chapters;
		this.chapterCache = chapterCache;
		this.catalog = catalog;
		this.blockedUsers = blockedUsers;
		this.clock = clock;
	}

	/**
	 * Whether a reader can see a story now.
	 * @param viewerId the reader, or {@code null} for anyone
	 * @param storyId the story
	 * @return {@code true} if it is visible and its author is not in a block with the
	 * reader
	 */
	@Transactional(readOnly = true)
	public boolean isStoryVisibleTo(@Nullable UUID viewerId, UUID storyId) {
		Instant now = this.clock.instant();
		return this.stories.findById(storyId)
			.filter((story) -> story.isVisibleAt(now) && !isBlockedBetween(viewerId, story.authorId()))
			.isPresent();
	}

	/**
	 * A chapter a reader can see, with its text.
	 * @param viewerId the reader, or {@code null} for anyone
	 * @param chapterId the chapter
	 * @return the chapter, empty if unknown, not readable, or across a block
	 */
	// one statement: no transaction of its own (a caller's is joined)
	public Optional<ChapterText> readableChapter(@Nullable UUID viewerId, UUID chapterId) {
		return this.chapters.readableText(chapterId, this.clock.instant())
			.filter((readable) -> !isBlockedBetween(viewerId, readable.authorId()))
			.map(ChapterQueries.ReadableText::text);
	}

	/**
	 * A chapter a reader can see, without its text: for checking offsets into it.
	 * @param viewerId the reader, or {@code null} for anyone
	 * @param chapterId the chapter
	 * @return its place, empty if unknown, not readable, or across a block
	 */
	// from the chapters readers read (cached as they read them), else one statement: no
	// transaction of its own (a caller's is joined)
	public Optional<ChapterPlace> readablePlace(@Nullable UUID viewerId, UUID chapterId) {
		Instant now = this.clock.instant();
		return this.chapterCache.place(chapterId, now)
			.or(() -> this.chapters.readablePlace(chapterId, now))
			.filter((readable) -> !isBlockedBetween(viewerId, readable.authorId()))
			.map(ChapterQueries.ReadablePlace::place);
	}

	/**
	 * The stories among these ids that a reader can see, as the API shows them; one
	 * statement whatever the number of ids (a signed-in reader's blocks come with the
	 * sign-in; anyone else's are one more).
	 * @param viewerId the reader, or {@code null} for anyone
	 * @param ids the stories
	 * @return the visible ones by id
	 */
	public Map<UUID, StoryView> visibleStories(@Nullable UUID viewerId, Collection<UUID> ids) {
		Map<UUID, StoryView> visible = this.catalog.visibleStories(ids);
		Set<UUID> blocked = (viewerId != null) ? this.blockedUsers.eitherWay(viewerId) : Set.of();
		if (blocked.isEmpty()) {
			return visible;
		}
		return visible.entrySet()
			.stream()
			.filter((entry) -> !blocked.contains(entry.getValue().author().id()))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * A story joined into another module's statement, as readers can see it now: the
	 * story whose id an SQL expression names, as columns that {@link #joinedStories}
	 * reads. With {@code columns}, they are the story's with its author, tags and chapter
	 * count, and keep the names of the story's fields ({@code id}, {@code slug},
	 * {@code title}, {@code created_at}, {@code updated_at} and the rest, snake case), so
	 * the statement's own columns must be named apart; without, the story's {@code id}
	 * alone. Join the columns a {@link JoinedStories} asks for
	 * ({@link JoinedStories#columns}).
	 * @param storyId an SQL expression of the story's id, such as {@code i.story_id}
	 * @param columns whether to join the story's columns or only its id
	 * @return a {@code left join lateral} clause, whose columns are null if readers
	 * cannot see the story
	 */
	public static String visibleStoryJoin(String storyId, boolean columns) {
		return StoryQueries.visibleStoryJoin(storyId, columns);
	}

	/**
	 * As {@link #visibleStoryJoin}, leaving out the rows whose story readers cannot see:
	 * a statement that pages over them then reads each story once, for its visibility and
	 * its columns together.
	 * @param storyId an SQL expression of the story's id
	 * @param columns whether to join the story's columns or only its id
	 * @return a {@code join lateral} clause
	 */
	public static String requiredVisibleStoryJoin(String storyId, boolean columns) {
		return StoryQueries.requiredVisibleStoryJoin(storyId, columns);
	}

	/**
	 * The reader of the stories that {@link #visibleStoryJoin} joins into the rows of one
	 * statement: make one before each statement runs, join the columns it asks for, read
	 * each row's story with it, then take the stories. With a cache of stories in this
	 * process, the statement joins their ids alone and the stories come from the cache
	 * (the ones it lacks in one more statement); otherwise from the statement's columns.
	 * @param viewerId the reader, or {@code null} for anyone
	 * @return the reader
	 */
	public JoinedStories joinedStories(@Nullable UUID viewerId) {
		return new JoinedStories(viewerId);
	}

	/**
	 * Whether a block stands between a reader and an author, either way.
	 * @param viewerId the reader, or {@code null} for anyone
	 * @param authorId the author
	 * @return {@code true} if the reader must not see the author's content
	 */
	boolean isBlockedBetween(@Nullable UUID viewerId, UUID authorId) {
		return viewerId != null && this.blockedUsers.eitherWay(viewerId).contains(authorId);
	}

	/**
	 * Reads the stories joined into one statement's rows ({@link #joinedStories}).
	 */
	public final class JoinedStories {

		private final @Nullable UUID viewerId;

		private final @Nullable RowMapper<StoryView> views;

		private final Map<UUID, StoryView> read = new HashMap<>();

		private final Set<UUID> visible = new LinkedHashSet<>();

		private JoinedStories(@Nullable UUID viewerId) {
			this.viewerId = viewerId;
			this.views = StoryVisibility.this.catalog.keepsViews() ? null : StoryVisibility.this.catalog.readerViews();
		}

		/**
		 * Whether the statement must join the stories' columns, or their ids will do.
		 * @return the {@code columns} argument of {@link #visibleStoryJoin}
		 */
		public boolean columns() {
			return this.views != null;
		}

		/**
		 * Reads a row's story, if readers can see it, for {@link #stories()}.
		 * @param row the row
		 * @throws SQLException if the columns cannot be read
		 */
		public void in(ResultSet row) throws SQLException {
			UUID id = row.getObject("id", UUID.class);
			if (id != null) {
				this.visible.add(id);
				if (this.views != null) {
					this.read.put(id, this.views.mapRow(row, row.getRow()));
				}
			}
		}

		/**
		 * The stories of the rows read, after the statement.
		 * @return the stories by id, without those readers cannot see and those whose
		 * author is in a block with the reader
		 */
		public Map<UUID, StoryView> stories() {
			if (this.views == null) {
				return visibleStories(this.viewerId, this.visible);
			}
			this.read.values().removeIf((story) -> isBlockedBetween(this.viewerId, story.author().id()));
			return this.read;
		}

	}

}
