package com.muejam.core.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of {@link SharedView}s, written once per instance: the bytes are kept by the
 * instance's identity and only while it is alive (weak keys), so a story or chapter
 * served from the cache in this process is not serialized again for every reader, whether
 * it is a response of its own ({@link SharedViewJsonConverter}) or in a page
 * ({@link SharedViewSerializer}), and a changed one, being a new instance, is written
 * anew. Bounded by the bytes kept.
 */
final class SharedViewJson {

	private final JsonMapper json;

	private final Cache<SharedView, byte[]> written;

	SharedViewJson(JsonMapper json, long maxBytes) {
		this.json = json;
		this.written = Caffeine.newBuilder()
			.weakKeys()
			.maximumWeight(maxBytes)
			.weigher((SharedView view, byte[] bytes) -> bytes.length)
			.recordStats()
			.build();
	}

	/**
	 * A view's JSON, as the API's mapper writes it.
	 * @param view the view
	 * @return its bytes, not to be changed
	 */
	byte[] bytes(SharedView view) {
		return this.written.get(view, this.json::writeValueAsBytes);
	}

	/**
	 * How often a view's JSON was found already written.
	 * @return the statistics
	 */
	CacheStats stats() {
		return this.written.stats();
	}

}
