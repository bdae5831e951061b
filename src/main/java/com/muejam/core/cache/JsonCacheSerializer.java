package com.muejam.core.cache;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.serializer.JacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;

/**
 * A cache's values as JSON of its one declared type. A stored value that does not read as
 * that type (written by an older version, or tampered with) is a miss: the caller loads
 * from the database and the entry is overwritten.
 *
 * @param <T> the cached type
 */
class JsonCacheSerializer<T> implements RedisSerializer<T> {

	private static final Logger log = LoggerFactory.getLogger(JsonCacheSerializer.class);

	private final JacksonJsonRedisSerializer<T> json;

	private final String cache;

	JsonCacheSerializer(JsonMapper mapper, Class<T> type, String cache) {
		this.json = new JacksonJsonRedisSerializer<>(mapper, type);
		this.cache = cache;
	}

	@Override
	public byte[] serialize(@Nullable T value) {
		return this.json.serialize(value);
	}

	@Override
	public @Nullable T deserialize(byte @Nullable [] bytes) {
		try {
			return this.json.deserialize(bytes);
		}
		catch (SerializationException ex) {
			log.warn("Unreadable entry in cache '{}', treated as a miss: {}", this.cache, ex.getMessage());
			return null;
		}
	}

}
