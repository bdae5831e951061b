package com.muejam.core.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * JSON already written, as a range of UTF-8 bytes that a generator copies out as they are
 * ({@code writeRawValue}): Jackson's own {@code SerializedString} starts from a
 * {@code String} and keeps its bytes beside it, where this keeps the bytes only, and can
 * stand for a part of them (the fields of a story written into its parent's object). The
 * quoted forms, which Jackson asks of names and strings, quote the JSON as text.
 */
final class RawJson implements SerializableString {

	private final byte[] bytes;

	private final int offset;

	private final int length;

	RawJson(byte[] bytes, int offset, int length) {
		this.bytes = bytes;
		this.offset = offset;
		this.length = length;
	}

	@Override
	public String getValue() {
		return new String(this.bytes, this.offset, this.length, StandardCharsets.UTF_8);
	}

	@Override
	public int charLength() {
		return getValue().length();
	}

	@Override
	public char[] asQuotedChars() {
		return JsonStringEncoder.getInstance().quoteAsCharArray(getValue());
	}

	@Override
	public byte[] asUnquotedUTF8() {
		return Arrays.copyOfRange(this.bytes, this.offset, this.offset + this.length);
	}

	@Override
	public byte[] asQuotedUTF8() {
		return JsonStringEncoder.getInstance().quoteAsUTF8(getValue());
	}

	@Override
	public int appendQuotedUTF8(byte[] buffer, int offset) {
		byte[] quoted = asQuotedUTF8();
		return copy(quoted, 0, quoted.length, buffer, offset);
	}

	@Override
	public int appendQuoted(char[] buffer, int offset) {
		char[] quoted = asQuotedChars();
		if (offset + quoted.length > buffer.length) {
			return -1;
		}
		System.arraycopy(quoted, 0, buffer, offset, quoted.length);
		return quoted.length;
	}

	@Override
	public int appendUnquotedUTF8(byte[] buffer, int offset) {
		return copy(this.bytes, this.offset, this.length, buffer, offset);
	}

	@Override
	public int appendUnquoted(char[] buffer, int offset) {
		String value = getValue();
		if (offset + value.length() > buffer.length) {
			return -1;
		}
		value.getChars(0, value.length(), buffer, offset);
		return value.length();
	}

	@Override
	public int writeQuotedUTF8(OutputStream out) throws IOException {
		byte[] quoted = asQuotedUTF8();
		out.write(quoted);
		return quoted.length;
	}

	@Override
	public int writeUnquotedUTF8(OutputStream out) throws IOException {
		out.write(this.bytes, this.offset, this.length);
		return this.length;
	}

	@Override
	public int putQuotedUTF8(ByteBuffer buffer) {
		byte[] quoted = asQuotedUTF8();
		if (quoted.length > buffer.remaining()) {
			return -1;
		}
		buffer.put(quoted);
		return quoted.length;
	}

	@Override
	public int putUnquotedUTF8(ByteBuffer buffer) {
		if (this.length > buffer.remaining()) {
			return -1;
		}
		buffer.put(this.bytes, this.offset, this.length);
		return this.length;
	}

	@Override
	public String toString() {
		return getValue();
	}

	private static int copy(byte[] source, int from, int count, byte[] buffer, int offset) {
		if (offset + count > buffer.length) {
			return -1;
		}
		System.arraycopy(source, from, buffer, offset, count);
		return count;
	}

}
