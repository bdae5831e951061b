package com.muejam.stories;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.muejam.core.cache.CacheEvictions;
import com.muejam.core.cache.CacheNames;
import com.muejam.core.cache.Caches;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * Chapters as readers see them, by id, until a writer evicts them or their story's next
 * scheduled chapter goes live. Writers evict a chapter when it changes, and every chapter
 * of its story when the story's rating or visibility changes or a chapter comes or goes
 * (that moves its neighbours' links). A chapter its author reads is never served from
 * here nor put here.
 */
@Component
class ChapterCache {

	private final Cache cache;

	private final ChapterQueries queries;

	/** Whether a cached chapter is a map lookup away (not in Redis). */
	private final boolean inProcess;

	ChapterCache(CacheManager caches, ChapterQueries queries) {
		this.cache = caches.getCache(CacheNames.CHAPTERS);
		this.queries = queries;
		this.inProcess = Caches.isInProcess(this.cache);
	}

	/**
	 * A cached chapter that still holds at a moment.
	 * @param chapterId the chapter
	 * @param now the moment
	 * @return the chapter, empty if not cached or past its story's next scheduled chapter
	 */
	Optional<ReadableChapter> find(UUID chapterId, Instant now) {
		return Optional.ofNullable(this.cache.get(chapterId.toString(), ReadableChapter.class))
			.filter((chapter) -> chapter.holdsAt(now));
	}

	/**
	 * Where readers can be in a cached chapter that still holds at a moment: what
	 * progress, bookmarks and highlights check offsets against, without a statement. Only
	 * from a cache in this process: in Redis a chapter is its whole text as JSON to fetch
	 * and decode, where the statement that reads its place reads a few columns.
	 * @param chapterId the chapter
	 * @param now the moment
	 * @return the place, empty if not cached here or past its story's next scheduled
	 * chapter
	 */
	Optional<ChapterQueries.ReadablePlace> place(UUID chapterId, Instant now) {
		if (!this.inProcess) {
			return Optional.empty();
		}
		return find(chapterId, now).map(ReadableChapter::place);
	}

	/**
	 * The mark to take before reading a chapter from the database.
	 * @return the mark
	 */
	long mark() {
		return CacheEvictions.mark(this.cache);
	}

	/**
	 * Caches a chapter as a reader read it, unless it no longer holds (a scheduled
	 * chapter went live, and the story's counters have not caught up yet) or a writer
	 * evicted chapters since the read began.
	 * @param chapter the chapter
	 * @param now the moment it was read at
	 * @param mark the mark taken before the read
	 */
	void put(ReadableChapter chapter, Instant now, long mark) {
		if (chapter.holdsAt(now)) {
			CacheEvictions.putUnlessEvicted(this.cache, chapter.view().id().toString(), chapter, mark);
		}
	}

	/**
	 * Drops a chapter whose own fields changed.
	 * @param chapterId the chapter
	 */
	void evict(UUID chapterId) {
		CacheEvictions.evict(this.cache, chapterId.toString());
	}

	/**
	 * Drops every chapter of a story that readers may have read: the story's rating or
	 * visibility changed, or a chapter came or went (a deleted one is evicted by itself).
	 * @param storyId the story
	 */
	void evictStory(UUID storyId) {
		CacheEvictions.evict(this.cache, this.queries.publishedIdsOf(storyId).stream().map(UUID::toString).toArray());
	}

	/**
	 * Drops every chapter (an author's stories went or came back).
	 */
	void clear() {
		CacheEvictions.clear(this.cache);
	}

}
