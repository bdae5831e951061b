package com.muejam.highlights;

import java.util.UUID;

/**
 * A highlight as other modules see it (whispers about a passage).
 *
 * @param id the highlight
 * @param userId who made it
 * @param chapterId the chapter it is in
 * @param text the quoted words
 */
public record HighlightRef(UUID id, UUID userId, UUID chapterId, String text) {
}
