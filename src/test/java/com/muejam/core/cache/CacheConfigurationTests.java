package com.muejam.core.cache;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CacheConfigurationTests {

	private final CacheProperties properties = new CacheProperties(
			Map.of("profiles", Duration.ofMinutes(5), "stories", Duration.ofMinutes(10)), 100);

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

	record Entry(String shown, @com.fasterxml.jackson.annotation.JsonIgnore String hidden) {
	}

}
