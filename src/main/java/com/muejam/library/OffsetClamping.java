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

	private final ReadingQueries queries;

	OffsetClamping(ReadingQueries queries) {
		this.queries = queries;
	}

	@ApplicationModuleListener
	void on(ChapterRevised revised) {
		this.queries.clampProgress(revised.chapterId(), revised.length());
		this.queries.clampBookmarks(revised.chapterId(), revised.length());
	}

}
