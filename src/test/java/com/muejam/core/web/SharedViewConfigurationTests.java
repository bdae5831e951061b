package com.muejam.core.web;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.muejam.core.cache.CacheProperties;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared views are written once only where a cache in this process can hold them: with
 * {@code muejam.cache.max-entries=0} every view is a new instance, and keeping its JSON
 * would be work for nothing.
 */
class SharedViewConfigurationTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(SharedViewConfiguration.class)
		.withBean(JsonMapper.class, () -> JsonMapper.builder().build())
		.withBean(CacheProperties.class,
				() -> new CacheProperties(Map.of("stories", Duration.ofMinutes(10)), 10, DataSize.ofMegabytes(1)));

	@Test
	void writesSharedViewsOnceWithACacheThatKeepsThem() {
		this.context.run((context) -> assertThat(context).hasSingleBean(SharedViewJson.class));
		this.context.withPropertyValues("muejam.cache.max-entries=10")
			.run((context) -> assertThat(context).hasSingleBean(SharedViewJson.class));
	}

	@Test
	void writesNothingOnceWithACacheThatKeepsNothing() {
		this.context.withPropertyValues("muejam.cache.max-entries=0")
			.run((context) -> assertThat(context).doesNotHaveBean(SharedViewJson.class)
				.doesNotHaveBean("sharedViewsWrittenOnce"));
	}

}
