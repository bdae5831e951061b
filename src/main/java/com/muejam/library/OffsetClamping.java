package com.muejam.library;

import com.muejam.stories.ChapterRevised;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After an author edits a chapter, progress and bookmarks past its new end move to the
 * end.
 */
@Component
class OffsetClamping {

	private final ReadingQueries progress;

	private final BookmarkQueries bookmarks;

	OffsetClamping(ReadingQueries progress, BookmarkQueries bookmarks) {
		this.progress = progress;
		this.bookmarks = bookmarks;
	}

	@ApplicationModuleListener
	void on(ChapterRevised revised) {
		this.progress.clampProgress(revised.chapterId(), revised.length());
		this.bookmarks.clampBookmarks(revised.chapterId(), revised.length());
	}

}
