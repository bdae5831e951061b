package com.muejam.stories;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A chapter of a story: markdown as the author wrote it and its sanitized HTML rendering.
 */
@Entity
@Table(name = "chapters")
class Chapter {

	@Id
	private UUID id;

	@Column(name = "story_id", nullable = false, updatable = false)
	private UUID storyId;

	@Column(name = "chapter_number", nullable = false, updatable = false)
	private int number;

	@Column(nullable = false)
	private String title;

	@Column(nullable = false)
	private String content;

	@Column(name = "content_html", nullable = false)
	private String contentHtml;

	@Column(name = "word_count", nullable = false)
	private int wordCount;

	@Column(name = "text_length", nullable = false)
	private int textLength;

	@Column(nullable = false)
	private boolean published;

	@Column(name = "published_at")
	private @Nullable Instant publishedAt;

	@Column(name = "deleted_at")
	private @Nullable Instant deletedAt;

	@Column(name = "hidden_at")
	private @Nullable Instant hiddenAt;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected Chapter() {
	}

	Chapter(UUID storyId, int number, String title, RenderedText text, Instant now) {
		this.id = UUID.randomUUID();
		this.storyId = storyId;
		this.number = number;
		this.title = title;
		this.content = text.markdown();
		this.contentHtml = text.html();
		this.wordCount = text.wordCount();
		this.textLength = text.markdown().length();
		this.createdAt = now;
		this.updatedAt = now;
	}

	UUID id() {
		return this.id;
	}

	UUID storyId() {
		return this.storyId;
	}

	int number() {
		return this.number;
	}

	String title() {
		return this.title;
	}

	String content() {
		return this.content;
	}

	String contentHtml() {
		return this.contentHtml;
	}

	boolean isPublished() {
		return this.published;
	}

	@Nullable Instant publishedAt() {
		return this.publishedAt;
	}

	boolean isDeleted() {
		return this.deletedAt != null;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

	/**
	 * Whether readers can see the chapter now (its story must be visible too).
	 * @param now the current time
	 * @return {@code true} when published, due, not deleted and not hidden
	 */
	boolean isVisibleAt(Instant now) {
		return this.published && this.publishedAt != null && !this.publishedAt.isAfter(now) && this.deletedAt == null
				&& this.hiddenAt == null;
	}

	void retitle(String title, Instant now) {
		this.title = title;
		this.updatedAt = now;
	}

	void rewrite(RenderedText text, Instant now) {
		this.content = text.markdown();
		this.contentHtml = text.html();
		this.wordCount = text.wordCount();
		this.textLength = text.markdown().length();
		this.updatedAt = now;
	}

	/**
	 * Publishes the chapter at the given time, once; a scheduled chapter may be
	 * rescheduled until it goes live.
	 * @param at when readers may see it
	 * @param now the current time
	 * @return whether anything changed
	 */
	boolean publish(Instant at, Instant now) {
		if (this.published && this.publishedAt != null && !this.publishedAt.isAfter(now)) {
			return false;
		}
		this.published = true;
		this.publishedAt = at;
		this.updatedAt = now;
		return true;
	}

	void delete(Instant now) {
		this.deletedAt = now;
		this.updatedAt = now;
	}

}
