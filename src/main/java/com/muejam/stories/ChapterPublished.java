package com.muejam.stories;

import java.time.Instant;
import java.util.UUID;

/**
 * A chapter was published (or scheduled).
 *
 * @param chapterId the chapter
 * @param storyId its story
 * @param publishedAt when it becomes visible
 */
public record ChapterPublished(UUID chapterId, UUID storyId, Instant publishedAt) {
}
