package com.muejam.library;

import java.util.UUID;

/**
 * A reader put a story on one of their shelves (a "save" signal). Published once per
 * shelf and story: adding it again does not repeat the event. Published after the write
 * committed, outside any transaction: a transactional listener needs
 * {@code fallbackExecution} ({@code LibraryEventListenersTests}).
 *
 * @param userId the reader
 * @param storyId the story
 * @param shelfId the shelf
 */
public record StorySaved(UUID userId, UUID storyId, UUID shelfId) {
}
