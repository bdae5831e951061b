package com.muejam.core.cache;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.junit.jupiter.api.Test;

import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CacheConfigurationTests {

	private final CacheProperties properties = new CacheProperties(
			Map.of("profiles", Duration.ofMinutes(5), "stories", Duration.ofMinutes(10)), 100,
			DataSize.ofKilobytes(64));

	@Test
	void everyCacheHasItsDeclaredValueType() {
		assertThat(CacheConfiguration.typesByCache(this.properties,
				List.of(new CacheValueType("profiles", Entry.class), new CacheValueType("stories", String.class))))
			.containsEntry("profiles", Entry.class)
			.containsEntry("stories", String.class);
	}

	@Test
	void refusesACacheWithoutDeclaredValueType() {
		assertThatIllegalStateException()
			.isThrownBy(() -> CacheConfiguration.typesByCache(this.properties,
					List.of(new CacheValueType("profiles", Entry.class))))
			.withMessageContaining("[stories]");
	}

	@Test
	void refusesAValueTypeForAnUnconfiguredCache() {
		assertThatIllegalStateException()
			.isThrownBy(() -> CacheConfiguration
				.typesByCache(this.properties,
						List.of(new CacheValueType("profiles", Entry.class),
								new CacheValueType("stories", String.class), new CacheValueType("typo", String.class))))
			.withMessageContaining("[typo]");
	}

	@Test
	void unreadableValuesAreMissesAndIgnoredFieldsAreKept() {
		JsonCacheSerializer<Entry> serializer = new JsonCacheSerializer<>(CacheConfiguration.cacheMapper(), Entry.class,
				"profiles");
		Entry entry = new Entry("shown", "hidden from the API");
		byte[] json = serializer.serialize(entry);
		assertThat(new String(json)).startsWith("{").contains("\"hidden\":\"hidden from the API\"");
		assertThat(serializer.deserialize(json)).isEqualTo(entry);
		// a Java-serialized value of an older version, or garbage
		assertThat(serializer.deserialize(new byte[] { (byte) 0xAC, (byte) 0xED, 0, 5 })).isNull();
	}

	@Test
	void aCacheOfWeighedValuesIsBoundedByTheirSizeOthersByTheirNumber() {
		com.github.benmanes.caffeine.cache.Cache<Object, Object> texts = CacheConfiguration
			.bounded(Caffeine.newBuilder().executor(Runnable::run), Text.class, this.properties)
			.build();
		for (int i = 0; i < 3; i++) {
			texts.put(i, new Text(30 * 1024));
		}
		texts.cleanUp();
		assertThat(texts.estimatedSize()).as("64 KB hold two texts of 30 KB").isEqualTo(2);
		com.github.benmanes.caffeine.cache.Cache<Object, Object> entries = CacheConfiguration
			.bounded(Caffeine.newBuilder().executor(Runnable::run), Entry.class, this.properties)
			.build();
		for (int i = 0; i < 101; i++) {
			entries.put(i, new Entry("shown", "hidden"));
		}
		entries.cleanUp();
		assertThat(entries.estimatedSize()).isEqualTo(100);
	}

	@Test
	void anInProcessCacheBoundedAtNoEntriesKeepsNothing() {
		CacheProperties none = new CacheProperties(this.properties.ttl(), 0, this.properties.maxBytes());
		assertThat(Caches.keepsInProcess(new CaffeineCache("stories",
				CacheConfiguration.bounded(Caffeine.newBuilder(), Entry.class, this.properties).build())))
			.isTrue();
		assertThat(Caches.keepsInProcess(new CaffeineCache("stories",
				CacheConfiguration.bounded(Caffeine.newBuilder(), Entry.class, none).build())))
			.isFalse();
		assertThat(Caches.keepsInProcess(new CaffeineCache("stories", Caffeine.newBuilder().build()))).isTrue();
		assertThat(Caches.keepsInProcess(new ConcurrentMapCache("stories"))).isTrue();
	}

	record Text(int weight) implements Weighed {
	}

	record Entry(String shown, @com.fasterxml.jackson.annotation.JsonIgnore String hidden) {
	}

}
