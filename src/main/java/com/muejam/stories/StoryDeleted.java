package com.muejam.stories;

import java.util.UUID;

/**
 * A story was soft-deleted; it and its chapters are gone for everyone.
 *
 * @param storyId the story
 * @param authorId its author
 */
public record StoryDeleted(UUID storyId, UUID authorId) {
}
