package com.muejam.library;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A reader's progress reached 90% of a chapter: a complete read, counted once per reader,
 * chapter and day. Published after the write committed, outside any transaction: a
 * transactional listener needs {@code fallbackExecution}
 * ({@code LibraryEventListenersTests}).
 *
 * @param userId the reader
 * @param chapterId the chapter
 * @param storyId its story
 * @param day the day (UTC)
 */
public record ChapterCompleted(UUID userId, UUID chapterId, UUID storyId, LocalDate day) {
}
