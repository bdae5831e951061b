package com.muejam.library;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.pagination.Keyset;
import com.muejam.core.pagination.PagedSql;
import com.muejam.core.signals.SignalInboxSql;
import com.muejam.library.LibraryViews.ShelfView;
import com.muejam.stories.StoryVisibility;
import com.muejam.stories.StoryView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of shelf items: adding and removing a story with the shelf's count kept in
 * step, a user's page of shelves and a shelf's page of stories. Single shelves are
 * {@link ShelfRepository}'s.
 */
@Component
final class ShelfQueries {

	/** Puts a story on a shelf, with the save's signal when it is new. */
	private static final String ADD = """
			with shelf as (
			    select id, item_count from shelves where id = :shelf and user_id = :owner),
			added as (
			    insert into shelf_items (shelf_id, story_id, added_at)
			    select id, :story, :now from shelf where item_count < :quota
			    on conflict (shelf_id, story_id) do nothing returning added_at),
			counted as (
			    update shelves set item_count = item_count + 1
			    where id = (select id from shelf) and exists (select from added)),
			signal as (
			    %s
			    select 'SAVE', :story, :owner, null, %s from added)
			select exists (select from shelf) as owned, (select added_at from added) as added_now,
			       (select i.added_at from shelf_items i join shelf on shelf.id = i.shelf_id
			        where i.story_id = :story) as added_before""".formatted(SignalInboxSql.INSERT,
			SignalInboxSql.TODAY);

	/** A page of a shelf's items with their stories' columns. */
	private static final PagedSql ITEM_PAGE = itemPage(true);

	/** A page of a shelf's items with the ids of the stories readers can see. */
	private static final PagedSql ITEM_PAGE_BY_ID = itemPage(false);

	private final JdbcClient jdbc;

	private final StoryVisibility stories;

	ShelfQueries(JdbcClient jdbc, StoryVisibility stories) {
		this.jdbc = jdbc;
		this.stories = stories;
	}

	/**
	 * Puts a story on the owner's shelf unless it is there already or the shelf is full,
	 * keeping the shelf's count in step and appending the save's signal to the inbox
	 * ({@link SignalInboxSql}), in one statement.
	 * @param shelfId the shelf
	 * @param ownerId who must own it
	 * @param storyId the story
	 * @param now when
	 * @param quota stories allowed per shelf
	 * @return what happened
	 */
	Adding add(UUID shelfId, UUID ownerId, UUID storyId, Instant now, int quota) {
		// the select reads the statement's snapshot: a concurrent add of the same story
		// leaves both times null, and the caller asks again
		return this.jdbc.sql(ADD)
			.param("shelf", shelfId)
			.param("owner", ownerId)
			.param("story", storyId)
			.param("now", Timestamp.from(now))
			.param("quota", quota)
			.query((rs, n) -> new Adding(rs.getBoolean("owned"), instant(rs.getTimestamp("added_now")),
					instant(rs.getTimestamp("added_before"))))
			.single();
	}

	/**
	 * When a story was put on a shelf.
	 * @param shelfId the shelf
	 * @param storyId the story
	 * @return when, empty if it is not there
	 */
	Optional<Instant> addedAt(UUID shelfId, UUID storyId) {
		return this.jdbc.sql("select added_at from shelf_items where shelf_id = :shelf and story_id = :story")
			.param("shelf", shelfId)
			.param("story", storyId)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	/**
	 * Takes a story off a shelf.
	 * @param shelfId the shelf
	 * @param storyId the story
	 * @return the items removed
	 */
	int deleteItem(UUID shelfId, UUID storyId) {
		return this.jdbc.sql("delete from shelf_items where shelf_id = :shelf and story_id = :story")
			.param("shelf", shelfId)
			.param("story", storyId)
			.update();
	}

	/**
	 * Changes a shelf's item count.
	 * @param shelfId the shelf
	 * @param delta items added (negative: removed)
	 */
	void addToItemCount(UUID shelfId, int delta) {
		this.jdbc.sql("update shelves set item_count = item_count + :delta where id = :shelf")
			.param("delta", delta)
			.param("shelf", shelfId)
			.update();
	}

	/**
	 * A page of a user's shelves, newest first.
	 * @param userId the owner
	 * @param after the position to continue after, or {@code null} for the first page
	 * @param limit rows to fetch
	 * @return the shelves with their item counts
	 */
	List<ShelfView> shelfPage(UUID userId, @Nullable Keyset after, int limit) {
		return this.jdbc
			.sql("""
					select id, name, item_count, created_at from shelves where user_id = :user
					%s order by created_at desc, id desc limit :limit"""
				.formatted(Keyset.seekDescending(after, "created_at, id")))
			.param("user", userId)
			.param("limit", limit)
			.params(Keyset.params(after))
			.query((rs, n) -> new ShelfView(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getInt("item_count"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/**
	 * A page of a shelf's items, newest first, with their stories, if the shelf is the
	 * owner's: the shelf, its page and their stories in one statement, or, with a cache
	 * of stories in this process, their ids, and the stories it lacks in one more
	 * ({@code StoryVisibility.joinedStories}).
	 * @param shelfId the shelf
	 * @param ownerId who must own it
	 * @param after the position to continue after, or {@code null} for the first page
	 * @param limit rows to fetch
	 * @return the rows, empty if the owner has no such shelf
	 */
	Optional<List<ItemRow>> itemPage(UUID shelfId, UUID ownerId, @Nullable Keyset after, int limit) {
		StoryVisibility.JoinedStories stories = this.stories.joinedStories(ownerId);
		List<Optional<ItemRow>> rows = this.jdbc.sql((stories.columns() ? ITEM_PAGE : ITEM_PAGE_BY_ID).text(after))
			.param("shelf", shelfId)
			.param("owner", ownerId)
			.param("limit", limit)
			.params(Keyset.params(after))
			.query((rs, n) -> {
				UUID id = rs.getObject("item_id", UUID.class);
				if (id == null) {
					return Optional.<ItemRow>empty();
				}
				stories.in(rs);
				return Optional.of(new ItemRow(id, rs.getObject("story_id", UUID.class),
						rs.getTimestamp("added_at").toInstant(), null));
			})
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Map<UUID, StoryView> shown = stories.stories();
		return Optional.of(rows.stream()
			.flatMap(Optional::stream)
			.map((row) -> new ItemRow(row.id(), row.storyId(), row.addedAt(), shown.get(row.storyId())))
			.toList());
	}

	private static PagedSql itemPage(boolean storyColumns) {
		// the shelf's one row with a null item stands for an empty page; no row, no shelf
		return PagedSql.of((after) -> """
				select i.id as item_id, i.story_id, i.added_at, story.* from shelves sh
				left join lateral (select id, story_id, added_at from shelf_items where shelf_id = sh.id
				                   %s order by added_at desc, id desc limit :limit) i on true
				%s
				where sh.id = :shelf and sh.user_id = :owner order by i.added_at desc, i.id desc""".formatted(
				Keyset.seekDescending(after, "added_at, id"),
				StoryVisibility.visibleStoryJoin("i.story_id", storyColumns)));
	}

	/**
	 * A story on a shelf.
	 *
	 * @param id the item
	 * @param storyId the story
	 * @param addedAt when it was put there
	 * @param story the story, or {@code null} if the owner can no longer see it
	 */
	record ItemRow(UUID id, UUID storyId, Instant addedAt, @Nullable StoryView story) {
	}

	/**
	 * Deletes an account's shelves (their items go with them).
	 * @param userId the account
	 */
	void deleteAllOf(UUID userId) {
		this.jdbc.sql("delete from shelves where user_id = :user").param("user", userId).update();
	}

	/**
	 * What adding a story to a shelf did.
	 *
	 * @param owned whether the shelf is the owner's
	 * @param addedNow when this statement put the story there, if it did
	 * @param addedBefore when it was put there before, if it was
	 */
	record Adding(boolean owned, @Nullable Instant addedNow, @Nullable Instant addedBefore) {
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
