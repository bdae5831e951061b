package com.muejam.core;

import java.util.Base64;
import java.util.List;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import com.muejam.core.pagination.CursorCodec;
import com.muejam.core.pagination.InvalidCursor;

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

}
