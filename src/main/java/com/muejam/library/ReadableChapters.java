package com.muejam.library;

import java.util.UUID;

import com.muejam.core.error.ApiException;
import com.muejam.stories.ChapterService;
import com.muejam.stories.ChapterText;

import org.springframework.stereotype.Component;

/**
 * The chapters a reader may keep progress and bookmarks in: published chapters of visible
 * stories.
 */
@Component
class ReadableChapters {

	private final ChapterService chapters;

	ReadableChapters(ChapterService chapters) {
		this.chapters = chapters;
	}

	ChapterText require(UUID chapterId) {
		return this.chapters.readable(chapterId).orElseThrow(() -> ApiException.notFound("Chapter"));
	}

	/**
	 * Checks an offset into a chapter: {@code 0 <= offset <= length}.
	 * @param chapter the chapter
	 * @param offset the offset
	 * @return the offset
	 */
	static int offsetWithin(ChapterText chapter, int offset) {
		if (offset > chapter.length()) {
			throw ApiException.invalidField("offset",
					"must be at most the chapter's length (" + chapter.length() + ")");
		}
		return offset;
	}

}
