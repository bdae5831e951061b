package com.muejam.library;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The stories a reader has finished, for the feeds and searches that can leave them out
 * ({@code hide_read}): those whose last chapter readers can see the reader completed
 * (read 90% of). A new chapter makes a story unfinished again.
 */
@Component
public class FinishedStories {

	private final ReadingQueries queries;

	FinishedStories(ReadingQueries queries) {
		this.queries = queries;
	}

	/**
	 * The stories a reader finished, in one statement.
	 * @param userId the reader
	 * @return the stories
	 */
	public Set<UUID> of(UUID userId) {
		return new HashSet<>(this.queries.finishedStories(userId));
	}

}
