package com.muejam.core.web;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.ser.std.DelegatingSerializer;
import tools.jackson.databind.util.NameTransformer;

/**
 * Writes a {@link SharedView} inside another value (a page of stories, a shelf's items)
 * from the JSON {@link SharedViewJson} keeps for the instance, so that each story of a
 * page served from the cache is serialized once, not once per page and reader. Unwrapped
 * into its parent ({@code @JsonUnwrapped}, as a shelf item is a story and when it was
 * added), it writes the kept object's fields. A view at the root, which is how
 * {@link SharedViewJson} writes it, and one unwrapped with a prefix or suffix are written
 * by the bean serializer this one wraps.
 */
final class SharedViewSerializer extends DelegatingSerializer {

	private final Supplier<SharedViewJson> json;

	private final boolean unwrapped;

	SharedViewSerializer(ValueSerializer<?> serializer, Supplier<SharedViewJson> json) {
		this(serializer, json, false);
	}

	private SharedViewSerializer(ValueSerializer<?> serializer, Supplier<SharedViewJson> json, boolean unwrapped) {
		super(serializer);
		this.json = json;
		this.unwrapped = unwrapped;
	}

	@Override
	protected ValueSerializer<Object> newDelegatingInstance(ValueSerializer<?> serializer) {
		return new SharedViewSerializer(serializer, this.json, this.unwrapped);
	}

	@Override
	public ValueSerializer<Object> unwrappingSerializer(NameTransformer names) {
		ValueSerializer<Object> unwrapping = this._delegatee.unwrappingSerializer(names);
		// renamed fields are not the kept ones: the bean serializer alone writes them
		return (names == NameTransformer.NOP) ? new SharedViewSerializer(unwrapping, this.json, true) : unwrapping;
	}

	@Override
	public void serialize(Object value, JsonGenerator generator, SerializationContext context) {
		if (generator.streamWriteContext().inRoot()) {
			super.serialize(value, generator, context);
			return;
		}
		byte[] bytes = this.json.get().bytes((SharedView) value);
		if (this.unwrapped) {
			writeFields(bytes, value, generator, context);
		}
		else {
			generator.writeRawValue(new RawJson(bytes, 0, bytes.length));
		}
	}

	/**
	 * Writes the fields of an object written before into the object being written: the
	 * first field's name through the generator, which separates it from the fields
	 * before, and the rest as they are, up to the closing brace.
	 */
	private void writeFields(byte[] object, Object value, JsonGenerator generator, SerializationContext context) {
		int nameEnd = (object.length > 3 && object[1] == '"') ? indexOf(object, '"', 2) : -1;
		if (nameEnd < 0 || indexOf(object, '\\', 2, nameEnd) >= 0 || object[nameEnd + 1] != ':') {
			// no fields, or a name that is not plain
			super.serialize(value, generator, context);
			return;
		}
		generator.writeName(new String(object, 2, nameEnd - 2, StandardCharsets.UTF_8));
		int valueStart = nameEnd + 2;
		generator.writeRawValue(new RawJson(object, valueStart, object.length - 1 - valueStart));
	}

	private static int indexOf(byte[] bytes, char wanted, int from) {
		return indexOf(bytes, wanted, from, bytes.length);
	}

	private static int indexOf(byte[] bytes, char wanted, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == wanted) {
				return i;
			}
		}
		return -1;
	}

}
