package com.muejam.core.web;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes a {@link SharedView} response with the JSON {@link SharedViewJson} keeps, ahead
 * of the JSON converter and with the same mapper, so the bytes are those it would write.
 * Responses only: it reads nothing.
 */
final class SharedViewJsonConverter extends AbstractHttpMessageConverter<SharedView> {

	private final SharedViewJson json;

	SharedViewJsonConverter(SharedViewJson json) {
		super(MediaType.APPLICATION_JSON);
		this.json = json;
	}

	@Override
	protected boolean supports(Class<?> type) {
		return SharedView.class.isAssignableFrom(type);
	}

	@Override
	public boolean canRead(Class<?> type, @Nullable MediaType mediaType) {
		return false;
	}

	@Override
	protected SharedView readInternal(Class<? extends SharedView> type, HttpInputMessage input) {
		throw new HttpMessageNotReadableException("Shared views are only written", input);
	}

	@Override
	protected Long getContentLength(SharedView view, @Nullable MediaType contentType) {
		return (long) this.json.bytes(view).length;
	}

	@Override
	protected void writeInternal(SharedView view, HttpOutputMessage output) throws IOException {
		output.getBody().write(this.json.bytes(view));
	}

}
