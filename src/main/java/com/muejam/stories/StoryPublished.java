package com.muejam.stories;

import java.time.Instant;
import java.util.UUID;

/**
 * A story was published (or scheduled): readers may see it from {@code publishedAt}.
 *
 * @param storyId the story
 * @param authorId its author
 * @param publishedAt when it becomes visible
 */
public record StoryPublished(UUID storyId, UUID authorId, Instant publishedAt) {
}
