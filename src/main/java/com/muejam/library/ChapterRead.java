package com.muejam.library;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A reader read (part of) a chapter: published on their first progress on that chapter of
 * the day, so a read counts once per reader, chapter and day. Published after the write
 * committed, outside any transaction: a transactional listener needs
 * {@code fallbackExecution} ({@code LibraryEventListenersTests}).
 *
 * @param userId the reader
 * @param chapterId the chapter
 * @param storyId its story
 * @param day the day (UTC)
 */
public record ChapterRead(UUID userId, UUID chapterId, UUID storyId, LocalDate day) {
}
