package com.muejam.whispers;

import java.util.UUID;

/**
 * Someone replied to a whisper.
 *
 * @param replyId the reply
 * @param parentId the whisper replied to
 * @param rootId the thread's root whisper
 * @param parentAuthorId the author of the whisper replied to
 * @param replierId who replied
 */
public record WhisperReplied(UUID replyId, UUID parentId, UUID rootId, UUID parentAuthorId, UUID replierId) {
}
