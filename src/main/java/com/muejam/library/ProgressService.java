package com.muejam.library;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.muejam.core.pagination.CursorCodec;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.Keyset;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;
import com.muejam.library.LibraryViews.ChapterRef;
import com.muejam.library.LibraryViews.ProgressView;
import com.muejam.library.LibraryViews.ReadingView;
import com.muejam.library.ReadingQueries.LatestProgress;
import com.muejam.library.ReadingQueries.SavedProgress;
import com.muejam.library.ReadingQueries.SavedRead;
import com.muejam.stories.ChapterInfo;
import com.muejam.stories.ChapterPlace;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading progress: one position per reader and chapter, kept across devices, and the
 * "continue reading" list. The first progress of a day on a chapter is a read; reaching
 * 90% is a complete read.
 */
@Service
class ProgressService {

	static final double COMPLETE_READ = 0.9;

	private static final String READING_LIST = "library.reading";

	private final ReadingQueries queries;

	private final ReadableChapters readable;

	private final CursorCodec cursors;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ProgressService(ReadingQueries queries, ReadableChapters readable, CursorCodec cursors,
			ApplicationEventPublisher events, Clock clock) {
		this.queries = queries;
		this.readable = readable;
		this.cursors = cursors;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Saves the reader's position and counts the read: the first save of a day on a
	 * chapter is a read, and the first to reach 90% of it a complete read. No
	 * transaction: the position, the read and their signals are one statement, after the
	 * chapter's place (from the chapter cache when a reader read it, else one statement).
	 * @param user the reader
	 * @param chapterId a chapter the reader can read
	 * @param offset the position
	 * @return the saved position
	 */
	ProgressView save(CurrentUser user, UUID chapterId, int offset) {
		ChapterPlace chapter = this.readable.require(user, chapterId);
		ReadableChapters.offsetWithin(chapter, offset);
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		boolean complete = chapter.length() == 0 || offset >= COMPLETE_READ * chapter.length();
		SavedRead read = this.queries
			.saveProgress(new SavedProgress(user.id(), chapter.id(), chapter.storyId(), offset, now), today, complete);
		if (read.firstToday()) {
			this.events.publishEvent(new ChapterRead(user.id(), chapter.id(), chapter.storyId(), today));
		}
		if (read.completedNow()) {
			this.events.publishEvent(new ChapterCompleted(user.id(), chapter.id(), chapter.storyId(), today));
		}
		return new ProgressView(chapter.id(), offset, now);
	}

	@Transactional(readOnly = true)
	ProgressView get(CurrentUser user, UUID chapterId) {
		ChapterPlace chapter = this.readable.require(user, chapterId);
		return this.queries.progress(user.id(), chapter.id())
			.map((progress) -> new ProgressView(chapter.id(), progress.offset(), progress.updatedAt()))
			.orElse(new ProgressView(chapter.id(), 0, null));
	}

	/**
	 * The stories the reader is reading, most recently read first, each with the chapter
	 * and position to continue from. Two statements whatever the page size (the sign-in,
	 * which reads the caller's blocks too, and the positions with their chapters and
	 * stories) and no transaction.
	 * @param user the reader
	 * @param page the page
	 * @return the stories being read
	 */
	CursorPage<ReadingView> reading(CurrentUser user, PageParams page) {
		Keyset after = Keyset.after(this.cursors, READING_LIST, page);
		List<LatestProgress> rows = this.queries.latestPerStory(user.id(), after, page.fetchSize());
		CursorPage<LatestProgress> slice = CursorPage.of(rows, page,
				(row) -> new Keyset(row.updatedAt(), row.id()).encode(this.cursors, READING_LIST));
		return new CursorPage<>(slice.data().stream().filter((row) -> row.story() != null).map((row) -> {
			ChapterInfo chapter = row.chapter();
			return new ReadingView(row.story(), new ChapterRef(chapter.id(), chapter.number(), chapter.title()),
					row.offset(), percent(row.offset(), chapter.length()), row.updatedAt());
		}).toList(), slice.nextCursor());
	}

	static double percent(int offset, int length) {
		if (length == 0) {
			return 100.0;
		}
		return Math.round(Math.min(1.0, (double) offset / length) * 1000) / 10.0;
	}

}
