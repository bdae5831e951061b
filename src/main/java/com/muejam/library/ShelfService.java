package com.muejam.library;

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
import com.muejam.library.LibraryViews.ShelfItemView;
import com.muejam.library.LibraryViews.ShelfView;
import com.muejam.library.ShelfQueries.Adding;
import com.muejam.library.ShelfQueries.ItemRow;
import com.muejam.stories.StoryVisibility;
import com.muejam.stories.StoryView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shelves and their stories. Everything is private: another reader's shelf is 404. Adding
 * a story twice keeps one item; the first add is a "save" signal.
 */
@Service
class ShelfService {

	private static final String SHELF_LIST = "shelves";

	private static final String ITEM_LIST = "shelf.items";

	private final ShelfRepository shelves;

	private final ShelfQueries queries;

	private final StoryVisibility stories;

	private final CursorCodec cursors;

	private final ApplicationEventPublisher events;

	private final Quotas quotas;

	private final Clock clock;

	ShelfService(ShelfRepository shelves, ShelfQueries queries, StoryVisibility stories, CursorCodec cursors,
			ApplicationEventPublisher events, Quotas quotas, Clock clock) {
		this.shelves = shelves;
		this.queries = queries;
		this.stories = stories;
		this.cursors = cursors;
		this.events = events;
		this.quotas = quotas;
		this.clock = clock;
	}

	@Transactional
	ShelfView create(CurrentUser user, String name) {
		String clean = name(name);
		if (this.shelves.countByUserId(user.id()) >= this.quotas.shelves()) {
			throw new QuotaExceeded("shelves", this.quotas.shelves(), "shelves");
		}
		ensureFree(user, clean, new UUID(0, 0));
		Shelf shelf = new Shelf(user.id(), clean, this.clock.instant());
		unique(() -> this.shelves.insert(shelf), clean);
		return view(shelf, 0);
	}

	@Transactional
	ShelfView rename(CurrentUser user, UUID shelfId, String name) {
		Shelf shelf = owned(user, shelfId);
		String clean = name(name);
		ensureFree(user, clean, shelf.id());
		shelf.rename(clean, this.clock.instant());
		unique(() -> this.shelves.save(shelf), clean);
		return view(shelf, shelf.itemCount());
	}

	@Transactional
	void delete(CurrentUser user, UUID shelfId) {
		this.shelves.delete(owned(user, shelfId));
	}

	@Transactional(readOnly = true)
	CursorPage<ShelfView> list(CurrentUser user, PageParams page) {
		List<ShelfView> rows = this.queries.shelfPage(user.id(), Keyset.after(this.cursors, SHELF_LIST, page),
				page.fetchSize());
		return CursorPage.of(rows, page,
				(shelf) -> new Keyset(shelf.createdAt(), shelf.id()).encode(this.cursors, SHELF_LIST));
	}

	/**
	 * Puts a story on a shelf; a story already there stays as it is. The story is checked
	 * first (404 if the reader cannot see it), then the shelf's owner, the insert within
	 * the quota, the shelf's count and the save's signal are one statement. No
	 * transaction.
	 * @param user the owner
	 * @param shelfId the shelf
	 * @param storyId a story readers can see
	 * @return the item, and whether it was new
	 */
	Added add(CurrentUser user, UUID shelfId, UUID storyId) {
		StoryView story = this.stories.visibleStories(user.id(), List.of(storyId)).get(storyId);
		if (story == null) {
			throw ApiException.notFound("Story");
		}
		Adding adding = this.queries.add(shelfId, user.id(), storyId, this.clock.instant(),
				this.quotas.itemsPerShelf());
		if (!adding.owned()) {
			throw ApiException.notFound("Shelf");
		}
		if (adding.addedNow() != null) {
			this.events.publishEvent(new StorySaved(user.id(), storyId, shelfId));
			return new Added(new ShelfItemView(story, adding.addedNow()), true);
		}
		Instant addedAt = (adding.addedBefore() != null) ? adding.addedBefore() : this.queries.addedAt(shelfId, storyId)
			.orElseThrow(
					() -> new QuotaExceeded("items_per_shelf", this.quotas.itemsPerShelf(), "stories on this shelf"));
		return new Added(new ShelfItemView(story, addedAt), false);
	}

	@Transactional
	void remove(CurrentUser user, UUID shelfId, UUID storyId) {
		Shelf shelf = owned(user, shelfId);
		int removed = this.queries.deleteItem(shelf.id(), storyId);
		if (removed > 0) {
			this.queries.addToItemCount(shelf.id(), -removed);
		}
	}

	/**
	 * A shelf's stories, newest first. Stories readers can no longer see (deleted,
	 * hidden) are left out of the page; the cursor still moves past them. No transaction:
	 * the shelf with its page and their stories is one statement.
	 * @param user the owner
	 * @param shelfId the shelf
	 * @param page the page
	 * @return the items
	 */
	CursorPage<ShelfItemView> items(CurrentUser user, UUID shelfId, PageParams page) {
		Keyset after = Keyset.after(this.cursors, ITEM_LIST, page);
		List<ItemRow> rows = this.queries.itemPage(shelfId, user.id(), after, page.fetchSize())
			.orElseThrow(() -> ApiException.notFound("Shelf"));
		CursorPage<ItemRow> slice = CursorPage.of(rows, page,
				(row) -> new Keyset(row.addedAt(), row.id()).encode(this.cursors, ITEM_LIST));
		return new CursorPage<>(slice.data()
			.stream()
			.filter((row) -> row.story() != null)
			.map((row) -> new ShelfItemView(row.story(), row.addedAt()))
			.toList(), slice.nextCursor());
	}

	private Shelf owned(CurrentUser user, UUID shelfId) {
		return this.shelves.findByIdAndUserId(shelfId, user.id()).orElseThrow(() -> ApiException.notFound("Shelf"));
	}

	private void ensureFree(CurrentUser user, String name, UUID exceptShelfId) {
		if (this.shelves.isNameTaken(user.id(), name, exceptShelfId)) {
			throw ApiException.conflict("You already have a shelf named '" + name + "'");
		}
	}

	/** Writes a shelf; a concurrent request may have taken the name since the check. */
	private static void unique(Runnable write, String name) {
		try {
			write.run();
		}
		catch (DataIntegrityViolationException ex) {
			throw ApiException.conflict("You already have a shelf named '" + name + "'");
		}
	}

	private static String name(String name) {
		String clean = name.strip();
		if (clean.isEmpty()) {
			throw ApiException.invalidField("name", "must not be blank");
		}
		return clean;
	}

	private static ShelfView view(Shelf shelf, int itemCount) {
		return new ShelfView(shelf.id(), shelf.name(), itemCount, shelf.createdAt());
	}

	/**
	 * @param item the shelf item
	 * @param created whether this request put it there
	 */
	record Added(ShelfItemView item, boolean created) {
	}

}
