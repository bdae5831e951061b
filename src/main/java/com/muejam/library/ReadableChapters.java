package com.muejam.library;

import java.util.UUID;

import com.muejam.core.error.ApiException;
import com.muejam.core.security.CurrentUser;
import com.muejam.stories.ChapterPlace;
import com.muejam.stories.StoryVisibility;

import org.springframework.stereotype.Component;

/**
 * The chapters a reader may keep progress and bookmarks in: published chapters of visible
 * stories, not across a block.
 */
@Component
class ReadableChapters {

	private final StoryVisibility visibility;

	ReadableChapters(StoryVisibility visibility) {
		this.visibility = visibility;
	}

	ChapterPlace require(CurrentUser reader, UUID chapterId) {
		return this.visibility.readablePlace(reader.id(), chapterId)
			.orElseThrow(() -> ApiException.notFound("Chapter"));
	}

	/**
	 * Checks an offset into a chapter: {@code 0 <= offset <= length}.
	 * @param chapter the chapter
	 * @param offset the offset
	 * @return the offset
	 */
	static int offsetWithin(ChapterPlace chapter, int offset) {
		if (offset > chapter.length()) {
			throw ApiException.invalidField("offset",
					"must be at most the chapter's length (" + chapter.length() + ")");
		}
		return offset;
	}

}
