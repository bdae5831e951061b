package com.muejam.stories;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.visibility.Rating;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A story: its metadata and publication state. Readers see it once it is published and
 * its {@code published_at} has come, until it is deleted or hidden by a moderator.
 */
@Table("stories")
class Story {

	@Id
	private UUID id;

	private String slug;

	private String title;

	private String blurb;

	@Column("cover_key")
	private @Nullable String coverKey;

	@Column("author_id")
	private UUID authorId;

	// written with StoryRowQueries#rate (the column's default for a new story)
	@ReadOnlyProperty
	@Column("rating")
	private @Nullable String rating;

	@Embedded.Empty
	private PublicationState publication = new PublicationState();

	@Column("created_at")
	private Instant createdAt;

	@Column("updated_at")
	private Instant updatedAt;

	protected Story() {
	}

	Story(UUID authorId, String slug, String title, String blurb, @Nullable String coverKey, Instant now) {
		this.id = UUID.randomUUID();
		this.authorId = authorId;
		this.slug = slug;
		this.title = title;
		this.blurb = blurb;
		this.coverKey = coverKey;
		this.createdAt = now;
		this.updatedAt = now;
	}

	UUID id() {
		return this.id;
	}

	String slug() {
		return this.slug;
	}

	Rating rating() {
		return (this.rating != null) ? Rating.fromWire(this.rating) : Rating.GENERAL;
	}

	String title() {
		return this.title;
	}

	String blurb() {
		return this.blurb;
	}

	@Nullable String coverKey() {
		return this.coverKey;
	}

	UUID authorId() {
		return this.authorId;
	}

	boolean isPublished() {
		return this.publication.isPublished();
	}

	@Nullable Instant publishedAt() {
		return this.publication.publishedAt();
	}

	boolean isDeleted() {
		return this.publication.isDeleted();
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

	boolean isWrittenBy(@Nullable UUID userId) {
		return this.authorId.equals(userId);
	}

	/**
	 * Whether readers can see the story now.
	 * @param now the current time
	 * @return {@code true} when published, due, not deleted and not hidden
	 */
	boolean isVisibleAt(Instant now) {
		return this.publication.isVisibleAt(now);
	}

	/**
	 * The slug may follow the title until the story is published; from then on links must
	 * keep working.
	 * @return whether the slug may still change
	 */
	boolean slugIsOpen() {
		return !this.publication.isPublished();
	}

	void retitle(String title, String slug, Instant now) {
		this.title = title;
		this.slug = slug;
		this.updatedAt = now;
	}

	void describe(String blurb, Instant now) {
		this.blurb = blurb;
		this.updatedAt = now;
	}

	void changeCover(@Nullable String coverKey, Instant now) {
		this.coverKey = coverKey;
		this.updatedAt = now;
	}

	void touch(Instant now) {
		this.updatedAt = now;
	}

	/**
	 * Publishes the story at the given time. Publication happens once: a story already
	 * visible keeps its {@code published_at}; a scheduled one may be rescheduled until it
	 * goes live.
	 * @param at when readers may see it
	 * @param now the current time
	 * @return whether anything changed
	 */
	boolean publish(Instant at, Instant now) {
		if (!this.publication.publish(at, now)) {
			return false;
		}
		this.updatedAt = now;
		return true;
	}

	void delete(Instant now) {
		this.publication.delete(now);
		this.updatedAt = now;
	}

}
