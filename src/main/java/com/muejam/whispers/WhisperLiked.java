package com.muejam.whispers;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Someone liked a whisper (published once per user and whisper, not for repeated likes).
 *
 * @param whisperId the whisper
 * @param likerId who liked it
 * @param authorId its author
 * @param storyId the story it is about, or {@code null}
 */
public record WhisperLiked(UUID whisperId, UUID likerId, UUID authorId, @Nullable UUID storyId) {
}
