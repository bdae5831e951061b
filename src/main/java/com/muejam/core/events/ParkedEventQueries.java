package com.muejam.core.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.pagination.Keyset;
import com.muejam.core.pagination.PageParams;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Parked event publications: a row of {@code parked_event_publications} for each
 * incomplete row of the event publication registry ({@code event_publication}) whose
 * listener failed every attempt.
 */
@Repository
class ParkedEventQueries {

	private static final String VIEW = """
			select e.id, e.listener_id, e.event_type, e.publication_date, e.completion_attempts,
			       e.last_resubmission_date, p.parked_at
			from parked_event_publications p
			join event_publication e on e.id = p.publication_id and e.completion_date is null""";

	private final JdbcClient jdbc;

	ParkedEventQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Parks every failed publication that made {@code maxAttempts} attempts and is not
	 * parked yet.
	 * @return the publications parked now
	 */
	List<ParkedEventView> parkExhausted(int maxAttempts, Instant now) {
		return this.jdbc.sql("""
				with parked as (
				    insert into parked_event_publications (publication_id, parked_at)
				    select id, :now from event_publication
				    where completion_date is null and status = 'FAILED' and completion_attempts >= :max
				    on conflict (publication_id) do nothing
				    returning publication_id, parked_at)
				select e.id, e.listener_id, e.event_type, e.publication_date, e.completion_attempts,
				       e.last_resubmission_date, p.parked_at
				from parked p join event_publication e on e.id = p.publication_id""")
			.param("now", Timestamp.from(now))
			.param("max", maxAttempts)
			.query(ParkedEventQueries::view)
			.list();
	}

	/**
	 * Forgets parked publications that completed or were deleted since.
	 */
	void forgetFinished() {
		this.jdbc.sql("""
				delete from parked_event_publications p
				where not exists (select 1 from event_publication e
				                  where e.id = p.publication_id and e.completion_date is null)""").update();
	}

	List<ParkedEventView> page(@Nullable Keyset after, PageParams page) {
		return this.jdbc
			.sql(VIEW + " where true " + Keyset.seekDescending(after, "p.parked_at, p.publication_id")
					+ " order by p.parked_at desc, p.publication_id desc limit :limit")
			.params(Keyset.params(after))
			.param("limit", page.fetchSize())
			.query(ParkedEventQueries::view)
			.list();
	}

	/**
	 * Unparks a publication so it can be resubmitted.
	 * @return whether it was parked (and still incomplete)
	 */
	boolean unpark(UUID id) {
		return this.jdbc
			.sql("""
					delete from parked_event_publications p
					where p.publication_id = :id
					  and exists (select 1 from event_publication e where e.id = p.publication_id and e.completion_date is null)""")
			.param("id", id)
			.update() == 1;
	}

	long countParked() {
		return this.jdbc.sql("select count(*) from (" + VIEW + ") parked").query(Long.class).single();
	}

	private static ParkedEventView view(ResultSet row, int index) throws SQLException {
		Timestamp last = row.getTimestamp("last_resubmission_date");
		return new ParkedEventView(row.getObject("id", UUID.class), row.getString("listener_id"),
				row.getString("event_type"), row.getTimestamp("publication_date").toInstant(),
				row.getInt("completion_attempts"), (last != null) ? last.toInstant() : null,
				row.getTimestamp("parked_at").toInstant());
	}

}
