package com.muejam.stories;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.cache.Weighed;
import com.muejam.core.visibility.Rating;

/**
 * A chapter as readers see it, with what decides who may read it, as cached for readers.
 * Its neighbours are the chapters readers can see, and that set changes with time only
 * when the story's next scheduled chapter goes live: the view holds until then.
 *
 * @param authorId who wrote the chapter's story
 * @param rating the story's rating
 * @param view the chapter as the API shows it
 * @param nextChapterAt when the story's next scheduled chapter goes live, or {@code null}
 * @param textLength the kept length of its markdown, which offsets into it are checked
 * against
 */
record ReadableChapter(UUID authorId, Rating rating, ChapterView view, @Nullable Instant nextChapterAt,
		int textLength) implements Weighed {

	/** Bytes of a cached chapter besides its texts, roughly. */
	private static final int OVERHEAD = 600;

	/**
	 * Whether this view is still what readers see at a moment, as far as time goes
	 * (writers evict what they change).
	 * @param now the moment
	 * @return {@code true} until the story's next scheduled chapter goes live
	 */
	boolean holdsAt(Instant now) {
		return this.nextChapterAt == null || now.isBefore(this.nextChapterAt);
	}

	/**
	 * Where readers can be in this chapter, with who wrote it.
	 * @return the chapter's place
	 */
	ChapterQueries.ReadablePlace place() {
		return new ChapterQueries.ReadablePlace(this.authorId,
				new ChapterPlace(this.view.id(), this.view.storyId(), this.textLength));
	}

	@Override
	public int weight() {
		// two bytes a character at most, in strings that may hold any text
		long chars = (long) this.view.title().length() + this.view.content().length()
				+ this.view.contentHtml().length();
		return (int) Math.min(Integer.MAX_VALUE, OVERHEAD + 2 * chars);
	}

}
