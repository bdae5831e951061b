package com.muejam.stories;

import java.util.List;

/**
 * The first page of the newest stories as anyone signed out sees it, shared by the public
 * list and Discover New (the {@code front-page} cache): a default page and one more,
 * which tells whether there is a next page. Smaller pages are its head.
 *
 * @param stories the stories, newest first
 */
record FrontPage(List<StoryView> stories) {

	FrontPage {
		stories = List.copyOf(stories);
	}

}
