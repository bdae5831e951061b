package com.muejam.stories;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.muejam.core.error.ApiException;
import com.muejam.core.error.ErrorCode;
import com.muejam.core.security.CurrentUser;

import org.springframework.stereotype.Service;

/**
 * Stories as books, for the exports: a published story with the revision of what a book
 * of it shows, so that a book is made once per revision, and its readable chapters. The
 * same rules as reading apply (blocks, the reader's rating filter), and a book only ever
 * holds what every reader can see: never a draft, a scheduled or a hidden chapter, not
 * even for its author.
 */
@Service
public class StoryBooks {

	private final StoryCatalog catalog;

	private final BookQueries queries;

	private final Clock clock;

	StoryBooks(StoryCatalog catalog, BookQueries queries, Clock clock) {
		this.catalog = catalog;
		this.queries = queries;
		this.clock = clock;
	}

	/**
	 * A story a reader may have as a book, in two statements at most (the story is
	 * usually cached).
	 * @param reader the reader
	 * @param slugOrId the story's slug or id
	 * @return the story and its revision
	 * @throws StoryNotFound when readers cannot see the story, or the reader is blocked
	 * @throws ApiException {@code RATING_GATED} when it is rated above the reader's limit
	 */
	public Book book(CurrentUser reader, String slugOrId) {
		StoryView story = this.catalog.bySlugOrId(reader, slugOrId);
		if (story.gated()) {
			throw new ApiException(ErrorCode.RATING_GATED,
					"This story is rated " + story.rating().wire() + ", above the content filter in your preferences");
		}
		BookQueries.ChapterRevision chapters = this.queries.revision(story.id(), this.clock.instant())
			.orElseThrow(() -> new StoryNotFound("Story"));
		return new Book(story, revision(story, chapters.fingerprint()), chapters.modified());
	}

	/**
	 * The chapters of a book, in order.
	 * @param storyId the story
	 * @return its readable chapters with their HTML
	 */
	public List<BookChapter> chapters(UUID storyId) {
		return this.queries.chapters(storyId, this.clock.instant());
	}

	/**
	 * What a book of the story shows, hashed: its title page (title, blurb, author,
	 * rating, warnings, tags, cover) and its chapters' versions.
	 */
	private static String revision(StoryView story, String chapters) {
		String shown = String.join("\u0000", story.id().toString(), story.title(), story.blurb(),
				story.author().displayName(), story.author().handle(), story.rating().wire(),
				story.contentWarnings().toString(), story.tags().toString(), String.valueOf(story.coverUrl()),
				chapters);
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(shown.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A story as a book.
	 *
	 * @param story the story as the reader sees it
	 * @param revision identifies what its book shows: the same revision, the same book
	 * @param modified the latest change to the story or its readable chapters
	 */
	public record Book(StoryView story, String revision, Instant modified) {
	}

}
