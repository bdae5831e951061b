package com.muejam.stories;

import com.muejam.core.markdown.MarkdownRenderer;

/**
 * Markdown as written, its sanitized HTML, and its word count.
 *
 * @param markdown the author's text
 * @param html the rendered, sanitized HTML
 * @param wordCount words in the text
 */
record RenderedText(String markdown, String html, int wordCount) {

	static RenderedText of(String markdown, MarkdownRenderer renderer) {
		return new RenderedText(markdown, renderer.toSafeHtml(markdown), countWords(markdown));
	}

	static int countWords(String text) {
		int words = 0;
		boolean inWord = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean letter = Character.isLetterOrDigit(c) || (inWord && (c == '\'' || c == '\u2019'));
			if (letter && !inWord) {
				words++;
			}
			inWord = letter;
		}
		return words;
	}

}
