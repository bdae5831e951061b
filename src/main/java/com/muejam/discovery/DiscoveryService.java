package com.muejam.discovery;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.cache.CacheNames;
import com.muejam.core.error.ApiException;
import com.muejam.core.error.ErrorCode;
import com.muejam.core.pagination.CursorCodec;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.InvalidCursor;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;
import com.muejam.core.visibility.BlockedUsers;
import com.muejam.core.visibility.Rating;
import com.muejam.core.visibility.ReaderPreferences;
import com.muejam.library.FinishedStories;
import com.muejam.stories.StoryService;
import com.muejam.stories.StoryView;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The discover feeds. New is the newest published stories; Trending ranks by the current
 * trending score; For You blends the reader's interests, trending and freshness (0.5 /
 * 0.3 / 0.2) over a bounded candidate set in one query, leaving out the reader's own and
 * shelved stories and those they are not interested in, and falls back to Trending for
 * readers with fewer than 3 interests.
 */
@Service
class DiscoveryService {

	static final int MIN_INTERESTS = 3;

	/** How many of the reader's interests For You weighs, strongest first. */
	private static final int INTEREST_LIMIT = 200;

	private final DiscoveryQueries queries;

	private final StoryService stories;

	private final BlockedUsers blockedUsers;

	private final CursorCodec cursors;

	private final DiscoveryProperties properties;

	private final TrendingRanking trending;

	private final Cache forYouCache;

	private final FinishedStories finishedStories;

	private final Clock clock;

	private final TransactionTemplate readOnly;

	DiscoveryService(DiscoveryQueries queries, StoryService stories, BlockedUsers blockedUsers, CursorCodec cursors,
			DiscoveryProperties properties, CacheManager caches, Clock clock, FinishedStories finishedStories,
			TrendingRanking trending, PlatformTransactionManager transactions) {
		this.finishedStories = finishedStories;
		this.queries = queries;
		this.stories = stories;
		this.blockedUsers = blockedUsers;
		this.cursors = cursors;
		this.properties = properties;
		this.trending = trending;
		this.forYouCache = caches.getCache(CacheNames.FOR_YOU);
		this.clock = clock;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	// one statement (the story list's), so no transaction around it
	CursorPage<DiscoverItem> newest(@Nullable CurrentUser viewer, PageParams page, @Nullable Boolean hideRead) {
		return this.stories.latest(viewer, page, finished(viewer, hideRead))
			.map((story) -> new DiscoverItem(story, null));
	}

	// no transaction around a ranked page: its statements (the ranking, the stories the
	// cache lacks, the finished stories when asked) need no common snapshot, and a page
	// served from memory then takes no pooled connection, nor waits for one
	CursorPage<DiscoverItem> trending(@Nullable CurrentUser viewer, PageParams page, @Nullable Boolean hideRead) {
		Ranked ranked = this.trending.ranking();
		return page(viewer, ranked, "discover.trending", page, finished(viewer, hideRead));
	}

	CursorPage<DiscoverItem> forYou(@Nullable CurrentUser viewer, PageParams page, @Nullable Boolean hideRead) {
		if (viewer == null) {
			throw new ApiException(ErrorCode.UNAUTHENTICATED, "For You needs a signed-in reader");
		}
		Ranked ranked = this.forYouCache.get(viewer.id(), Ranked.class);
		if (ranked == null) {
			ranked = rankForYou(viewer.id(), this.clock.instant());
			if (ranked == null) {
				// a cold start is not cached: the reader's first signals should show at
				// once
				return trending(viewer, page, hideRead);
			}
			this.forYouCache.put(viewer.id(), ranked);
		}
		RankPosition after = this.cursors.after("discover.for_you", page, RankPosition::of);
		if (after != null) {
			if (!after.at().equals(ranked.at())) {
				// the cached ranking was replaced since the first page: continue the one
				// the cursor came from
				ranked = rankForYou(viewer.id(), after.at());
				if (ranked == null) {
					return new CursorPage<>(List.of(), null);
				}
			}
		}
		return page(viewer, ranked, "discover.for_you", page, finished(viewer, hideRead));
	}

	/**
	 * The stories to leave out because the reader finished them, when they ask (or their
	 * preferences do); one statement then, none otherwise.
	 */
	private Set<UUID> finished(@Nullable CurrentUser viewer, @Nullable Boolean hideRead) {
		return (viewer != null && viewer.preferences().hidesRead(hideRead)) ? this.finishedStories.of(viewer.id())
				: Set.of();
	}

	@Transactional
	void notInterested(CurrentUser viewer, UUID storyId) {
		if (!this.stories.isVisible(storyId)) {
			throw ApiException.notFound("Story");
		}
		if (this.queries.markNotInterested(viewer.id(), storyId)) {
			this.queries.halveInterestInTagsOf(viewer.id(), storyId);
		}
		this.forYouCache.evict(viewer.id());
	}

	/**
	 * Ranks For You in one statement over a bounded candidate set: stories of the
	 * reader's strongest tags and authors, the trending top and the newest (see
	 * {@link DiscoveryQueries#forYou}).
	 * @param userId the reader
	 * @param at the moment to rank at
	 * @return the ranking, or {@code null} for a cold start (fewer than
	 * {@value #MIN_INTERESTS} interests)
	 */
	@Nullable Ranked rankForYou(UUID userId, Instant at) {
		// read-only, so that a read replica ranks when there is one
		return this.readOnly.execute((status) -> {
			Interests interests = this.queries.interests(userId, INTEREST_LIMIT);
			if (interests.size() < MIN_INTERESTS) {
				return null;
			}
			// muted authors are never recommended
			List<Ranked.Entry> entries = this.queries.forYou(userId, at, this.properties.forYouDepth(), interests,
					this.blockedUsers.mutedOrBlocked(userId).toArray(UUID[]::new));
			return new Ranked(at, entries);
		});
	}

	/**
	 * A page of a ranking after the cursor's (score, id), with the stories' current
	 * views; stories that became invisible or whose author the viewer blocked since are
	 * left out.
	 */
	private CursorPage<DiscoverItem> page(@Nullable CurrentUser viewer, Ranked ranked, String list, PageParams page,
			Set<UUID> finished) {
		Comparator<Ranked.Entry> order = Comparator.comparingDouble(Ranked.Entry::score)
			.reversed()
			.thenComparing(Ranked.Entry::storyId, Comparator.reverseOrder());
		List<Ranked.Entry> after = ranked.entries();
		RankPosition position = this.cursors.after(list, page, RankPosition::of);
		if (position != null) {
			Ranked.Entry last = new Ranked.Entry(position.storyId(), new UUID(0, 0), position.score(), null,
					Rating.GENERAL, List.of());
			after = after.stream().filter((entry) -> order.compare(entry, last) > 0).toList();
		}
		Set<UUID> hidden = this.blockedUsers.mutedOrBlocked((viewer != null) ? viewer.id() : null);
		ReaderPreferences preferences = CurrentUser.preferencesOf(viewer);
		List<Ranked.Entry> rows = after.stream()
			.filter((entry) -> !hidden.contains(entry.authorId()))
			.filter((entry) -> preferences.admits(entry.rating(), entry.tagSlugs()))
			.filter((entry) -> !finished.contains(entry.storyId()))
			.limit(page.fetchSize())
			.toList();
		CursorPage<Ranked.Entry> slice = CursorPage.of(rows, page, (entry) -> this.cursors.encode(list,
				List.of(ranked.at().toString(), Double.toString(entry.score()), entry.storyId().toString())));
		Map<UUID, StoryView> views = this.stories
			.visibleStories(slice.data().stream().map(Ranked.Entry::storyId).toList());
		return new CursorPage<>(slice.data()
			.stream()
			.filter((entry) -> views.containsKey(entry.storyId())
					&& views.get(entry.storyId()).isAdmittedBy(preferences))
			.map((entry) -> new DiscoverItem(views.get(entry.storyId()), entry.reason()))
			.toList(), slice.nextCursor());
	}

	/**
	 * Where a page of a ranking continues: the ranking's moment, then after this (score,
	 * story id).
	 *
	 * @param at when the ranking was computed
	 * @param score the last entry's score
	 * @param storyId its story
	 */
	private record RankPosition(Instant at, double score, UUID storyId) {

		static RankPosition of(List<String> values) {
			if (values.size() != 3) {
				throw new InvalidCursor();
			}
			return new RankPosition(Instant.parse(values.get(0)), Double.parseDouble(values.get(1)),
					UUID.fromString(values.get(2)));
		}

	}

}
