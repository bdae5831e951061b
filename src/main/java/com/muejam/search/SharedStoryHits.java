package com.muejam.search;

import java.util.List;

import com.muejam.search.StorySearchQueries.StoryPosition;

/**
 * The first page of a story search as anyone signed out gets it: the positions of its
 * hits, shared for a moment (the {@code search} cache). The stories themselves are read
 * afresh on every request, so one deleted or hidden since is left out at once.
 *
 * @param hits the positions, one more than the page when there is a next page
 */
record SharedStoryHits(List<StoryPosition> hits) {

	SharedStoryHits {
		hits = List.copyOf(hits);
	}

}
