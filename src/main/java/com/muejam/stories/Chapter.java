package com.muejam.stories;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A chapter of a story: markdown as the author wrote it and its sanitized HTML rendering.
 */
@Table("chapters")
class Chapter {

	@Id
	private UUID id;

	@Column("story_id")
	private UUID storyId;

	@Column("chapter_number")
	private int number;

	private String title;

	private String content;

	@Column("content_html")
	private String contentHtml;

	@Column("word_count")
	private int wordCount;

	@Column("text_length")
	private int textLength;

	@Embedded.Empty
	private PublicationState publication = new PublicationState();

	@Column("created_at")
	private Instant createdAt;

	@Column("updated_at")
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

	int wordCount() {
		return this.wordCount;
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

	/**
	 * Whether readers can see the chapter now (its story must be visible too).
	 * @param now the current time
	 * @return {@code true} when published, due, not deleted and not hidden
	 */
	boolean isVisibleAt(Instant now) {
		return this.publication.isVisibleAt(now);
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
