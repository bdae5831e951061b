package com.muejam.core.cache;

/**
 * The application's caches. Each has a time-to-live configured under
 * {@code muejam.cache.ttl} and a value type declared by its module
 * ({@link CacheValueType}).
 */
public final class CacheNames {

	/** Public profiles by lower-case handle. */
	public static final String PROFILES = "profiles";

	/** Story metadata. */
	public static final String STORIES = "stories";

	/**
	 * Chapters as readers see them, with their neighbours, until the story's next
	 * scheduled chapter goes live.
	 */
	public static final String CHAPTERS = "chapters";

	/**
	 * The first page of the newest stories as anyone signed out sees it (the public list
	 * and Discover New): one entry, evicted by every write to a published story.
	 */
	public static final String FRONT_PAGE = "front-page";

	/** Trending feed. */
	public static final String TRENDING = "trending";

	/** Personalized For You feeds. */
	public static final String FOR_YOU = "for-you";

	/**
	 * The first pages of anonymous story searches: their hits' positions, not the
	 * stories.
	 */
	public static final String SEARCH = "search";

	/** Search suggestions. */
	public static final String SUGGESTIONS = "suggestions";

	private CacheNames() {
	}

}
