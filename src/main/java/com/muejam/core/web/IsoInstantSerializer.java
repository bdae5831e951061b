package com.muejam.core.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.ext.javatime.ser.InstantSerializer;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes an instant as {@link Instant#toString()} does: ISO-8601 in UTC, the seconds
 * always, the fraction in groups of three digits as needed ({@code 2026-12-07T04:05:06Z},
 * {@code ...06.789Z}, {@code ...06.789012Z}). Jackson's own serializer goes through
 * {@code DateTimeFormatter}, about five times slower, and a page of stories holds dozens
 * of instants. Years outside 0000-9999 (written with a sign) and instants as numbers
 * ({@link DateTimeFeature#WRITE_DATES_AS_TIMESTAMPS}) are left to Jackson's.
 */
final class IsoInstantSerializer extends StdSerializer<Instant> {

	private static final long YEAR_0 = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

	private static final long YEAR_10000 = LocalDateTime.of(10000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

	private static final int SECONDS_PER_DAY = 86_400;

	IsoInstantSerializer() {
		super(Instant.class);
	}

	@Override
	public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
		long seconds = value.getEpochSecond();
		if (seconds < YEAR_0 || seconds >= YEAR_10000 || context.isEnabled(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)) {
			InstantSerializer.INSTANCE.serialize(value, generator, context);
			return;
		}
		char[] text = new char[30];
		int length = write(seconds, value.getNano(), text);
		generator.writeString(text, 0, length);
	}

	private static int write(long epochSecond, int nano, char[] text) {
		LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, SECONDS_PER_DAY));
		int second = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
		int year = date.getYear();
		digits(text, 0, year / 100, 2);
		digits(text, 2, year % 100, 2);
		text[4] = '-';
		digits(text, 5, date.getMonthValue(), 2);
		text[7] = '-';
		digits(text, 8, date.getDayOfMonth(), 2);
		text[10] = 'T';
		digits(text, 11, second / 3600, 2);
		text[13] = ':';
		digits(text, 14, second / 60 % 60, 2);
		text[16] = ':';
		digits(text, 17, second % 60, 2);
		int end = 19;
		if (nano != 0) {
			text[end++] = '.';
			if (nano % 1_000_000 == 0) {
				end = digits(text, end, nano / 1_000_000, 3);
			}
			else if (nano % 1_000 == 0) {
				end = digits(text, end, nano / 1_000, 6);
			}
			else {
				end = digits(text, end, nano, 9);
			}
		}
		text[end++] = 'Z';
		return end;
	}

	/** Writes {@code value} in {@code count} digits, zero-padded; returns the end. */
	private static int digits(char[] text, int start, int value, int count) {
		int remaining = value;
		for (int i = start + count - 1; i >= start; i--) {
			text[i] = (char) ('0' + remaining % 10);
			remaining /= 10;
		}
		return start + count;
	}

}
