package com.muejam.stories;

/**
 * Markdown as written, its sanitized HTML, and its word count.
 *
 * @param markdown the author's text
 * @param html the rendered, sanitized HTML
 * @param wordCount words in the text
 */
record RenderedText(String markdown, String html, int wordCount) {
}
