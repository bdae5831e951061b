package com.muejam.stories;

import java.util.UUID;

/**
 * A chapter's text, for modules that quote a passage of it (highlights); one that only
 * checks offsets takes a {@link ChapterPlace}. Offsets count UTF-16 code units of the
 * markdown, as JavaScript string indices do.
 *
 * @param id the chapter
 * @param storyId its story
 * @param number its number in the story
 * @param title its title
 * @param content the markdown
 */
public record ChapterText(UUID id, UUID storyId, int number, String title, String content) {

	public int length() {
		return this.content.length();
	}

}
