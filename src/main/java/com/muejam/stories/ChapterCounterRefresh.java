package com.muejam.stories;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the chapter counts that story reads show from the story row exact once a
 * scheduled chapter goes live: until this runs, reads count such a story's chapters
 * themselves. Runs on one instance per run (ShedLock); safe to run again.
 */
@Component
class ChapterCounterRefresh {

	private final StoryCounterQueries queries;

	ChapterCounterRefresh(StoryCounterQueries queries) {
		this.queries = queries;
	}

	/**
	 * @return how many stories were updated, or {@code null} when another instance held
	 * the lock (ShedLock cannot lock a method returning a primitive)
	 */
	@Scheduled(fixedDelayString = "${muejam.stories.counter-refresh-interval:1m}", initialDelayString = "1m")
	@SchedulerLock(name = "chapter-counter-refresh", lockAtMostFor = "5m")
	public @Nullable Integer refreshDue() {
		return this.queries.refreshDueChapterCounters();
	}

}
