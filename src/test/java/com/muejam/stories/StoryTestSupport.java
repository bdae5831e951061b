package com.muejam.stories;

import java.util.List;
import java.util.UUID;

import com.muejam.core.security.CurrentUser;
import com.muejam.stories.StoryViews.CreateChapter;
import com.muejam.stories.StoryViews.CreateStory;

/**
 * Published stories and chapters made through the services, for property tests of the
 * modules that build on stories.
 */
public final class StoryTestSupport {

	private StoryTestSupport() {
	}

	public static UUID publishedStory(StoryService stories, CurrentUser author) {
		UUID id = stories.create(author, new CreateStory("Property Story", null, List.of(), null)).id();
		stories.publish(author, id, null);
		return id;
	}

	public static UUID publishedChapter(ChapterService chapters, CurrentUser author, UUID storyId, String content) {
		UUID id = chapters.create(author, storyId, new CreateChapter("Property Chapter", content)).id();
		chapters.publish(author, id, null);
		return id;
	}

}
