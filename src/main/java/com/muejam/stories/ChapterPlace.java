package com.muejam.stories;

import java.util.UUID;

/**
 * Where in a chapter a reader can be, without its text: what progress and bookmarks check
 * offsets against. Offsets count UTF-16 code units of the markdown, as JavaScript string
 * indices do, and {@code length} is the markdown's length in them (kept with the chapter
 * on every write).
 *
 * @param id the chapter
 * @param storyId its story
 * @param length the length of its markdown
 */
public record ChapterPlace(UUID id, UUID storyId, int length) {

}
