package com.muejam.whispers;

import java.util.UUID;

/**
 * Someone whispered about a story (directly, or about a passage of it).
 *
 * @param whisperId the whisper
 * @param storyId the story
 * @param userId who whispered
 */
public record StoryWhispered(UUID whisperId, UUID storyId, UUID userId) {
}
