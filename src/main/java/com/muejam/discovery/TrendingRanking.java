package com.muejam.discovery;

import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.muejam.core.cache.CacheEvictions;
import com.muejam.core.cache.CacheNames;
import com.muejam.core.cache.Caches;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * The trending ranking, as Trending pages and For You's fallback read it: cached for all
 * instances ({@code trending}), and with Redis also kept by each instance for
 * {@code muejam.discovery.trending-copy-ttl}. Its 500 entries change when the scores are
 * recomputed (every 30 minutes), a story is published or one is deleted; reading and
 * decoding them from Redis on every request held a Trending page to about 440 a second on
 * the benchmark machine (docs/benchmarks.md, fourteenth pass). A change on this instance
 * drops its copy at once, and again after the change commits ({@link CacheEvictions});
 * one on another instance reaches it within the copy's time-to-live. Pages still leave
 * out a story deleted or hidden since, whatever the ranking says: they read their stories
 * afresh.
 */
@Component
class TrendingRanking {

	private static final int DEPTH = 500;

	private static final String KEY = "top";

	private final Cache cache;

	private final DiscoveryQueries queries;

	private final Clock clock;

	/** How long a copy is kept, in nanoseconds: none when the cache is in process. */
	private final long copyNanos;

	private volatile @Nullable Copy copy;

	TrendingRanking(CacheManager caches, DiscoveryQueries queries, DiscoveryProperties properties, Clock clock) {
		this.cache = caches.getCache(CacheNames.TRENDING);
		this.queries = queries;
		this.clock = clock;
		this.copyNanos = Caches.isInProcess(this.cache) ? 0 : properties.trendingCopyTtl().toNanos();
	}

	/**
	 * @return the ranking: this instance's copy while it lasts and nothing dropped the
	 * ranking since, else the shared one, else computed in one statement
	 */
	Ranked ranking() {
		long now = System.nanoTime();
		long mark = CacheEvictions.mark(this.cache);
		Copy kept = this.copy;
		if (kept != null && kept.mark() == mark && now - kept.takenAt() < this.copyNanos) {
			return kept.ranked();
		}
		Ranked ranked = this.cache.get(KEY, this::rank);
		if (this.copyNanos > 0) {
			this.copy = new Copy(ranked, now, mark);
		}
		return ranked;
	}

	/**
	 * Drops the ranking, shared and kept, after a change to it: now and, within a
	 * transaction, again once it commits.
	 */
	void forget() {
		CacheEvictions.clear(this.cache);
	}

	private Ranked rank() {
		List<Ranked.Entry> entries = this.queries.trending(DEPTH);
		return new Ranked(this.clock.instant(), entries);
	}

	/**
	 * This instance's copy of the ranking.
	 *
	 * @param ranked the ranking
	 * @param takenAt when it was read ({@link System#nanoTime()})
	 * @param mark the cache's evictions before it was read: a copy read before a drop is
	 * never used after it
	 */
	private record Copy(Ranked ranked, long takenAt, long mark) {
	}

}
