package com.muejam.core;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import com.muejam.core.pagination.CursorCodec;
import com.muejam.core.pagination.InvalidCursor;
import com.muejam.core.pagination.Keyset;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.pagination.Seek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cursors are opaque base64url tokens that round-trip their keyset position and refuse
 * any edit or use on another list (seed property 30).
 */
class CursorCodecProperties {

	private final CursorCodec codec = new CursorCodec("0123456789abcdef0123456789abcdef".getBytes());

	@Property
	void roundTripsAnyPosition(@ForAll @StringLength(min = 1, max = 30) String list,
			@ForAll @Size(max = 4) List<@StringLength(max = 40) String> values) {
		String cursor = this.codec.encode(list, values);
		assertThat(cursor).matches("[A-Za-z0-9_-]+");
		assertThat(Base64.getUrlDecoder().decode(cursor)).isNotEmpty();
		assertThat(this.codec.decode(list, cursor)).isEqualTo(values);
	}

	@Property
	void refusesAnyEditedByte(@ForAll @Size(min = 1, max = 3) List<@StringLength(max = 30) String> values,
			@ForAll @IntRange(min = 0, max = 1000) int position, @ForAll @IntRange(min = 1, max = 255) int flip) {
		byte[] token = Base64.getUrlDecoder().decode(this.codec.encode("stories.new", values));
		token[position % token.length] ^= (byte) flip;
		String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
		assertThatThrownBy(() -> this.codec.decode("stories.new", tampered)).isInstanceOf(InvalidCursor.class);
	}

	@Property
	void refusesCursorOfAnotherList(@ForAll @StringLength(min = 1, max = 20) String list,
			@ForAll @StringLength(min = 1, max = 20) String other) {
		Assume.that(!list.equals(other));
		String cursor = this.codec.encode(list, List.of("2026-01-01T00:00:00Z", "x"));
		assertThatThrownBy(() -> this.codec.decode(other, cursor)).isInstanceOf(InvalidCursor.class);
	}

	@Property
	void refusesGarbage(@ForAll String garbage) {
		assertThatThrownBy(() -> this.codec.decode("stories.new", garbage)).isInstanceOf(InvalidCursor.class);
	}

	@Property(tries = 20)
	void cursorsFromAnotherSecretAreRefused(@ForAll @StringLength(min = 1, max = 20) String value) {
		CursorCodec other = new CursorCodec("another-secret-another-secret-xx".getBytes());
		String cursor = other.encode("stories.new", List.of(value));
		assertThatThrownBy(() -> this.codec.decode("stories.new", cursor)).isInstanceOf(InvalidCursor.class);
	}

	@Example
	void firstPageHasNoPosition() {
		assertThat(Keyset.after(this.codec, "stories.new", PageParams.first(20))).isNull();
		Integer position = this.codec.after("tags.popular", PageParams.first(20), List::size);
		assertThat(position).isNull();
	}

	@Property
	void keysetRoundTripsThroughAPage(@ForAll @IntRange(min = 0, max = 2_000_000_000) int seconds) {
		Keyset position = new Keyset(Instant.ofEpochSecond(seconds), UUID.randomUUID());
		String cursor = position.encode(this.codec, "stories.new");
		assertThat(Keyset.after(this.codec, "stories.new", new PageParams(cursor, 20))).isEqualTo(position);
	}

	@Property
	void typedPositionThatDoesNotParseIsAnInvalidCursor(
			@ForAll @Size(max = 3) List<@AlphaChars @StringLength(max = 20) String> values) {
		PageParams page = new PageParams(this.codec.encode("chapters", values), 20);
		assertThatThrownBy(() -> this.codec.after("chapters", page, (read) -> Integer.valueOf(read.getFirst())))
			.isInstanceOf(InvalidCursor.class);
		assertThatThrownBy(() -> Keyset.after(this.codec, "chapters", page)).isInstanceOf(InvalidCursor.class);
	}

	@Example
	void seekConditionsContinueAfterThePosition() {
		Object position = new Object();
		assertThat(Seek.descending(position, "s.published_at, s.id", ":at, :id"))
			.isEqualTo("and (s.published_at, s.id) < (:at, :id)");
		assertThat(Seek.ascending(position, "c.chapter_number", ":after"))
			.isEqualTo("and (c.chapter_number) > (:after)");
		assertThat(Seek.descendingThenAscending(position, "t.story_count", ":count", "t.id", ":id"))
			.isEqualTo("and (t.story_count < :count or (t.story_count = :count and t.id > :id))");
		assertThat(Seek.descending(null, "created_at, id", ":at, :id")).isEmpty();
		assertThat(Seek.ascending(null, "created_at, id", ":at, :id")).isEmpty();
		assertThat(Keyset.seekDescending(null, "created_at, id")).isEmpty();
	}

}
