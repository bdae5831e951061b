package com.muejam.stories;

import java.util.UUID;

/**
 * What lists need to know about a chapter, without its text.
 *
 * @param id the chapter
 * @param storyId its story
 * @param number its number in the story
 * @param title its title
 * @param length the length of its markdown (UTF-16 code units)
 */
public record ChapterInfo(UUID id, UUID storyId, int number, String title, int length) {
}
