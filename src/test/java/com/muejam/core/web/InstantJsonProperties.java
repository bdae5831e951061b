package com.muejam.core.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instant is written as {@link Instant#toString()} writes it (ISO-8601 in UTC, seconds
 * always, the fraction in groups of three digits as needed), whichever year, second and
 * nanosecond it has: {@link IsoInstantSerializer} alone, no Spring.
 */
class InstantJsonProperties {

	private static final long YEAR_0 = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

	private static final long YEAR_10000 = LocalDateTime.of(10000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

	private static final JsonMapper JSON = JsonMapper.builder()
		.addModule(new SimpleModule().addSerializer(Instant.class, new IsoInstantSerializer()))
		.build();

	@Property(tries = 2000)
	void isWrittenAsInstantToStringWritesIt(@ForAll("instants") Instant instant) {
		assertThat(JSON.writeValueAsString(instant)).as("%s", instant).isEqualTo("\"" + instant + "\"");
	}

	@Provide
	Arbitrary<Instant> instants() {
		Arbitrary<Long> seconds = Arbitraries.oneOf(Arbitraries.longs().between(YEAR_0 - 86_400, YEAR_10000 + 86_400),
				Arbitraries.longs().between(1_500_000_000L, 2_000_000_000L),
				Arbitraries.of(YEAR_0, YEAR_0 - 1, YEAR_10000, YEAR_10000 - 1, 0L, -1L, 951_782_400L),
				Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()));
		// whole seconds, milliseconds, microseconds (as PostgreSQL keeps them) and any
		// nano
		Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0),
				Arbitraries.integers().between(0, 999).map((n) -> n * 1_000_000),
				Arbitraries.integers().between(0, 999_999).map((n) -> n * 1_000),
				Arbitraries.integers().between(0, 999_999_999));
		return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
	}

}
