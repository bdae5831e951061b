package com.muejam.core.pagination;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import org.jspecify.annotations.Nullable;

/**
 * Encodes keyset positions as opaque, tamper-evident cursors. A cursor is base64url (no
 * padding) of a JSON array {@code [list, value...]} followed by a truncated HMAC-SHA256
 * of it, so a cursor edited by a client, or taken from another list, is refused with
 * {@link InvalidCursor}.
 */
public final class CursorCodec {

	private static final int MAC_LENGTH = 16;

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final ObjectReader READER = JSON.readerFor(STRINGS);

	private static final ObjectWriter WRITER = JSON.writerFor(STRINGS);

	/** Keyed once and never used itself: each cursor is signed by a copy of it. */
	private final Mac keyed;

	public CursorCodec(byte[] secret) {
		if (secret.length < 32) {
			throw new IllegalArgumentException("Cursor secret must be at least 32 bytes");
		}
		try {
			this.keyed = Mac.getInstance("HmacSHA256");
			this.keyed.init(new SecretKeySpec(secret, "HmacSHA256"));
			// a provider whose Mac cannot be copied fails here, not on a request
			this.keyed.clone();
		}
		catch (GeneralSecurityException | CloneNotSupportedException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

	/**
	 * Encodes a position of a list.
	 * @param list the list's name, for example {@code stories.new}
	 * @param values the sort key values of the last row, then its id
	 * @return the cursor
	 */
	public String encode(String list, List<String> values) {
		List<String> parts = new ArrayList<>(values.size() + 1);
		parts.add(list);
		parts.addAll(values);
		byte[] payload = WRITER.writeValueAsBytes(parts);
		byte[] token = Arrays.copyOf(payload, payload.length + MAC_LENGTH);
		System.arraycopy(mac(payload), 0, token, payload.length, MAC_LENGTH);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
	}

	/**
	 * Decodes a cursor of the given list.
	 * @param list the list the cursor must belong to
	 * @param cursor the cursor a client sent
	 * @return the values given to {@link #encode}
	 * @throws InvalidCursor if the cursor is malformed, tampered with or of another list
	 */
	public List<String> decode(String list, String cursor) {
		byte[] token;
		try {
			token = Base64.getUrlDecoder().decode(cursor);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCursor();
		}
		if (token.length <= MAC_LENGTH) {
			throw new InvalidCursor();
		}
		byte[] payload = Arrays.copyOf(token, token.length - MAC_LENGTH);
		byte[] signature = Arrays.copyOfRange(token, payload.length, token.length);
		if (!MessageDigest.isEqual(signature, Arrays.copyOf(mac(payload), MAC_LENGTH))) {
			throw new InvalidCursor();
		}
		List<String> parts;
		try {
			parts = READER.readValue(payload);
		}
		catch (JacksonException ex) {
			throw new InvalidCursor();
		}
		if (parts.isEmpty() || !list.equals(parts.getFirst())) {
			throw new InvalidCursor();
		}
		return List.copyOf(parts.subList(1, parts.size()));
	}

	/**
	 * Decodes the position a page continues after, for any list.
	 * @param <P> the position type
	 * @param list the list the cursor must belong to
	 * @param page the paging parameters
	 * @param position reads the position from the cursor's values; any exception it
	 * throws (a missing value, a number or id that does not parse) means the cursor is
	 * invalid
	 * @return the position, or {@code null} on the first page (no cursor)
	 * @throws InvalidCursor if the cursor is not a position of that list
	 */
	public <P> @Nullable P after(String list, PageParams page, Function<List<String>, P> position) {
		String cursor = page.cursor();
		return (cursor != null) ? decode(list, cursor, position) : null;
	}

	/**
	 * Decodes a cursor of the given list into a typed position.
	 * @param <P> the position type
	 * @param list the list the cursor must belong to
	 * @param cursor the cursor a client sent
	 * @param position reads the position from the cursor's values
	 * @return the position
	 * @throws InvalidCursor if the cursor is not a position of that list
	 */
	public <P> P decode(String list, String cursor, Function<List<String>, P> position) {
		List<String> values = decode(list, cursor);
		try {
			return position.apply(values);
		}
		catch (InvalidCursor ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new InvalidCursor();
		}
	}

	private byte[] mac(byte[] payload) {
		try {
			// a copy of the keyed Mac: no provider lookup or key schedule per cursor
			return ((Mac) this.keyed.clone()).doFinal(payload);
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("HmacSHA256 cannot be copied", ex);
		}
	}

}
