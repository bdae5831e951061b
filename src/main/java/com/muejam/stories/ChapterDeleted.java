package com.muejam.stories;

import java.util.UUID;

/**
 * A chapter was soft-deleted.
 *
 * @param chapterId the chapter
 * @param storyId its story
 */
public record ChapterDeleted(UUID chapterId, UUID storyId) {
}
