package com.muejam.core.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shared view inside another value is written from the JSON kept for it, and the result
 * is what the mapper writes without the kept JSON, byte for byte: nested, in a list,
 * unwrapped into its parent, unwrapped with a prefix, longer than a generator's buffer,
 * and into a {@code String} as well as into bytes.
 */
class SharedViewSerializerTests {

	private final JsonMapper plain = JsonMapper.builder().build();

	private final AtomicReference<SharedViewJson> kept = new AtomicReference<>();

	private final JsonMapper mapper = JsonMapper.builder()
		.addModule(SharedViewConfiguration.module(this.kept::get))
		.build();

	SharedViewSerializerTests() {
		this.kept.set(new SharedViewJson(this.mapper, 1 << 20));
	}

	@Test
	void writesKeptJsonAsTheMapperWouldWriteIt() {
		Story story = new Story("s1", "A \"quoted\" title, ünïcode \u2028", List.of("one", "two"));
		Story other = new Story("s2", "Other", List.of());
		for (Object value : List.of(story, new Page(List.of(story, other), 2), new Item(story, "today"),
				new Prefixed(story, "today"), List.of(new Item(story, "a"), new Item(other, "b")))) {
			assertThat(this.mapper.writeValueAsBytes(value)).as("%s", value)
				.isEqualTo(this.plain.writeValueAsBytes(value));
			assertThat(this.mapper.writeValueAsString(value)).as("%s", value)
				.isEqualTo(this.plain.writeValueAsString(value));
		}
	}

	@Test
	void writesEachStoryOnceForEveryPage() {
		Story story = new Story("s1", "Once", List.of("tag"));
		Page page = new Page(List.of(story), 1);
		this.mapper.writeValueAsBytes(page);
		long written = this.kept.get().stats().missCount();
		long reused = this.kept.get().stats().hitCount();
		this.mapper.writeValueAsBytes(page);
		this.mapper.writeValueAsBytes(new Item(story, "now"));
		assertThat(this.kept.get().stats().missCount()).isEqualTo(written);
		assertThat(this.kept.get().stats().hitCount()).isEqualTo(reused + 2);
		// renamed fields are not the kept ones: written by the bean serializer
		this.mapper.writeValueAsBytes(new Prefixed(story, "now"));
		assertThat(this.kept.get().stats().hitCount()).isEqualTo(reused + 2);
	}

	@Test
	void writesStoriesLongerThanTheGeneratorsBuffer() {
		Story longer = new Story("long", "ü".repeat(20_000), List.of("x".repeat(9_000)));
		Page page = new Page(List.of(longer, longer), 2);
		Item item = new Item(longer, "now");
		assertThat(this.mapper.writeValueAsBytes(page)).isEqualTo(this.plain.writeValueAsBytes(page));
		assertThat(this.mapper.writeValueAsBytes(item)).isEqualTo(this.plain.writeValueAsBytes(item));
		assertThat(new String(this.mapper.writeValueAsBytes(item), StandardCharsets.UTF_8))
			.isEqualTo(this.plain.writeValueAsString(item));
	}

	record Story(String id, String title, List<String> tags) implements SharedView {
	}

	record Page(List<Story> data, int count) {
	}

	record Item(@JsonUnwrapped Story story, String addedAt) {
	}

	record Prefixed(@JsonUnwrapped(prefix = "story_") Story story, String addedAt) {
	}

}
