package com.muejam.stories;

import java.util.List;
import java.util.UUID;

import com.muejam.core.security.CurrentUser;
import com.muejam.stories.ChapterRequests.CreateChapter;
import com.muejam.stories.StoryRequests.CreateStory;

import org.springframework.context.ApplicationContext;

/**
 * Published stories and chapters made through the services, for property tests of the
 * modules that build on stories.
 */
public final class StoryTestSupport {

	private StoryTestSupport() {
	}

	public static UUID publishedStory(StoryService stories, CurrentUser author) {
		UUID id = stories.create(author, new CreateStory("Property Story", null, List.of(), null, null, null)).id();
		stories.publish(author, id, null);
		return id;
	}

	public static UUID publishedStory(ApplicationContext context, CurrentUser author) {
		return publishedStory(context.getBean(StoryService.class), author);
	}

	public static UUID publishedStoryTagged(ApplicationContext context, CurrentUser author, String tag) {
		StoryService stories = context.getBean(StoryService.class);
		UUID id = stories.create(author, new CreateStory("Tagged Story", null, List.of(tag), null, null, null)).id();
		stories.publish(author, id, null);
		return id;
	}

	/**
	 * The stories with a tag that a viewer sees in the public list.
	 * @param context the application
	 * @param viewer the viewer
	 * @param tag the tag
	 * @return the story ids
	 */
	public static List<UUID> listedWithTag(ApplicationContext context, CurrentUser viewer, String tag) {
		return context.getBean(StoryLists.class)
			.published(viewer, null, tag, WordRange.ANY, java.util.Set.of(),
					com.muejam.core.pagination.PageParams.first(100))
			.data()
			.stream()
			.map(StoryView::id)
			.toList();
	}

	public static UUID publishedChapter(ChapterService chapters, CurrentUser author, UUID storyId, String content) {
		UUID id = chapters.create(author, storyId, new CreateChapter("Property Chapter", content)).id();
		chapters.publish(author, id, null);
		return id;
	}

}
