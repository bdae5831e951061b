package com.muejam.stories;

import java.util.UUID;

/**
 * A chapter's text changed: offsets into it (highlights, bookmarks, progress) need
 * re-anchoring.
 *
 * @param chapterId the chapter
 * @param storyId its story
 * @param length the new text's length in characters
 */
public record ChapterRevised(UUID chapterId, UUID storyId, int length) {
}
