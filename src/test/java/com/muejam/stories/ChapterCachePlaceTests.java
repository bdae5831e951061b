package com.muejam.stories;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.muejam.core.cache.CacheNames;
import com.muejam.core.visibility.Rating;

import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a chapter's place comes from: a cache in this process, never Redis, where the
 * whole chapter would be fetched and decoded for its length.
 */
class ChapterCachePlaceTests {

	private static final Instant NOW = Instant.parse("2026-12-08T00:00:00Z");

	private final UUID chapterId = UUID.randomUUID();

	private final UUID storyId = UUID.randomUUID();

	private final UUID authorId = UUID.randomUUID();

	@Test
	void aChapterCachedInThisProcessGivesItsPlaceWithItsKeptLength() {
		ConcurrentMapCacheManager caches = new ConcurrentMapCacheManager(CacheNames.CHAPTERS);
		caches.getCache(CacheNames.CHAPTERS).put(this.chapterId.toString(), chapter());
		ChapterQueries.ReadablePlace place = new ChapterCache(caches, null).place(this.chapterId, NOW).orElseThrow();
		assertThat(place.authorId()).isEqualTo(this.authorId);
		// the kept length, not the text's: what the statement would have read
		assertThat(place.place()).isEqualTo(new ChapterPlace(this.chapterId, this.storyId, 9));
	}

	@Test
	void withRedisThePlaceIsLeftToTheStatementWithoutAskingRedis() {
		// nothing listens on this port: a read from Redis would fail to connect
		LettuceConnectionFactory unreachable = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("localhost", 1));
		unreachable.afterPropertiesSet();
		try {
			RedisCacheManager caches = RedisCacheManager.builder(unreachable).build();
			assertThat(new ChapterCache(caches, null).place(this.chapterId, NOW)).isEmpty();
		}
		finally {
			unreachable.destroy();
		}
	}

	private ReadableChapter chapter() {
		ChapterView view = new ChapterView(this.chapterId, this.storyId, 1, "One", "a\uD83D\uDE00b", "<p>a</p>", true,
				NOW, NOW, NOW, null, null, 1);
		return new ReadableChapter(this.authorId, Rating.GENERAL, view, null, 9);
	}

}
