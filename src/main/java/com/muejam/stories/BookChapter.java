package com.muejam.stories;

/**
 * A chapter of a story as a book holds it.
 *
 * @param number its number in the story
 * @param title its title
 * @param html its sanitized HTML, as the API serves it
 */
public record BookChapter(int number, String title, String html) {
}
