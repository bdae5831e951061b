package com.muejam.stories;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.relational.core.mapping.Column;

/**
 * Where a story or chapter stands: published (possibly scheduled), deleted, hidden by a
 * moderator. Readers see it once it is published and its {@code published_at} has come,
 * until it is deleted or hidden.
 */
class PublicationState {

	private boolean published;

	@Column("published_at")
	private @Nullable Instant publishedAt;

	@Column("deleted_at")
	private @Nullable Instant deletedAt;

	/**
	 * Set only by a moderator's targeted update, never written from the entity: an
	 * author's edit that loaded the row before the decision cannot undo it.
	 */
	@ReadOnlyProperty
	@Column("hidden_at")
	private @Nullable Instant hiddenAt;

	boolean isPublished() {
		return this.published;
	}

	@Nullable Instant publishedAt() {
		return this.publishedAt;
	}

	boolean isDeleted() {
		return this.deletedAt != null;
	}

	/**
	 * Whether readers can see it now.
	 * @param now the current time
	 * @return {@code true} when published, due, not deleted and not hidden
	 */
	boolean isVisibleAt(Instant now) {
		return isLiveAt(now) && this.deletedAt == null && this.hiddenAt == null;
	}

	/**
	 * Publishes at the given time, once: content already live keeps its
	 * {@code published_at}; a scheduled one may be rescheduled until it goes live.
	 * @param at when readers may see it
	 * @param now the current time
	 * @return whether anything changed
	 */
	boolean publish(Instant at, Instant now) {
		if (isLiveAt(now)) {
			return false;
		}
		this.published = true;
		this.publishedAt = at;
		return true;
	}

	void delete(Instant now) {
		this.deletedAt = now;
	}

	private boolean isLiveAt(Instant now) {
		return this.published && this.publishedAt != null && !this.publishedAt.isAfter(now);
	}

}
