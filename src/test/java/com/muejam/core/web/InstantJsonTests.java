package com.muejam.core.web;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's JSON writes instants with {@link IsoInstantSerializer}: a page of
 * twenty stories holds some eighty instants, and {@code DateTimeFormatter} took a fifth
 * of its JSON's time ({@link InstantJsonProperties} shows the text is the same).
 */
@IntegrationTest
class InstantJsonTests {

	@Autowired
	JsonMapper json;

	@Test
	void instantsAreWrittenWithoutAFormatter() {
		assertThat(this.json._serializationContext().findValueSerializer(Instant.class))
			.isInstanceOf(IsoInstantSerializer.class);
		assertThat(this.json.writeValueAsString(Instant.parse("2026-12-07T04:05:06.789012Z")))
			.isEqualTo("\"2026-12-07T04:05:06.789012Z\"");
	}

}
