package com.muejam.core.idempotency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code idempotency_keys} table. Each statement commits on its own, so a key claimed
 * by one request is seen at once by its concurrent duplicates on every instance.
 */
@Repository
class IdempotencyKeys {

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	IdempotencyKeys(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Takes a key nobody holds for a request.
	 * @return {@code true} when the key was free
	 */
	boolean claim(String subject, String key, String hash, Instant now, Instant expiresAt) {
		return this.jdbc
			.sql("""
					insert into idempotency_keys (user_subject, idempotency_key, request_hash, status, created_at, expires_at)
					values (:subject, :key, :hash, 'IN_PROGRESS', :now, :expiresAt)
					on conflict (user_subject, idempotency_key) do nothing""")
			.param("subject", subject)
			.param("key", key)
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.param("expiresAt", Timestamp.from(expiresAt))
			.update() == 1;
	}

	/**
	 * Takes over a key that expired, or whose first request held it past its lease (its
	 * instance died before answering).
	 * @return {@code true} when the key was taken over
	 */
	boolean takeOver(String subject, String key, String hash, Instant now, Instant expiresAt, Instant leaseStart) {
		return this.jdbc.sql("""
				update idempotency_keys
				set request_hash = :hash, status = 'IN_PROGRESS', response_status = null, response_headers = null,
				    response_body = null, created_at = :now, expires_at = :expiresAt
				where user_subject = :subject and idempotency_key = :key
				  and (expires_at <= :now or (status = 'IN_PROGRESS' and created_at < :leaseStart))""")
			.param("subject", subject)
			.param("key", key)
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.param("expiresAt", Timestamp.from(expiresAt))
			.param("leaseStart", Timestamp.from(leaseStart))
			.update() == 1;
	}

	Optional<KeyRecord> find(String subject, String key) {
		return this.jdbc.sql("""
				select request_hash, status, created_at, expires_at, response_status, response_headers::text,
				       response_body
				from idempotency_keys where user_subject = :subject and idempotency_key = :key""")
			.param("subject", subject)
			.param("key", key)
			.query(this::record)
			.optional();
	}

	void complete(String subject, String key, StoredResponse response) {
		this.jdbc.sql("""
				update idempotency_keys
				set status = 'COMPLETED', response_status = :status, response_headers = cast(:headers as jsonb),
				    response_body = :body
				where user_subject = :subject and idempotency_key = :key""")
			.param("subject", subject)
			.param("key", key)
			.param("status", response.status())
			.param("headers", this.json.writeValueAsString(response.headers()))
			.param("body", response.body())
			.update();
	}

	/**
	 * Frees a key whose request answered with nothing worth replaying (a server error).
	 */
	void release(String subject, String key) {
		this.jdbc.sql("""
				delete from idempotency_keys
				where user_subject = :subject and idempotency_key = :key and status = 'IN_PROGRESS'""")
			.param("subject", subject)
			.param("key", key)
			.update();
	}

	int deleteExpired(Instant now) {
		return this.jdbc.sql("delete from idempotency_keys where expires_at <= :now")
			.param("now", Timestamp.from(now))
			.update();
	}

	private KeyRecord record(ResultSet row, int index) throws SQLException {
		KeyState state = KeyState.valueOf(row.getString("status"));
		StoredResponse response = null;
		if (state == KeyState.COMPLETED) {
			String headers = row.getString("response_headers");
			response = new StoredResponse(row.getInt("response_status"),
					(headers != null) ? this.json.readValue(headers, HEADERS) : Map.of(),
					row.getBytes("response_body"));
		}
		return new KeyRecord(row.getString("request_hash"), state, row.getTimestamp("created_at").toInstant(),
				row.getTimestamp("expires_at").toInstant(), response);
	}

}
