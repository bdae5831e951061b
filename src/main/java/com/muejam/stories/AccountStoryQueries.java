package com.muejam.stories;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of an account's stories going with it and coming back with it: set-based writes
 * of {@code deleted_at}, marked with the account's deletion time so a restore brings back
 * exactly those (split off when StoryQueries outgrew a file).
 */
@Component
class AccountStoryQueries {

	private final JdbcClient jdbc;

	AccountStoryQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Soft-deletes every story of an author, as their own deletion would.
	 * @param authorId the author
	 * @param at the deletion time
	 * @return the tags those stories carried, to recount
	 */
	List<UUID> deleteAllBy(UUID authorId, Instant at) {
		return this.jdbc.sql("""
				with deleted as (
				    update stories set deleted_at = :at, updated_at = now()
				    where author_id = :author and deleted_at is null returning id)
				select distinct st.tag_id from story_tags st join deleted d on d.id = st.story_id""")
			.param("author", authorId)
			.param("at", Timestamp.from(at))
			.query(UUID.class)
			.list();
	}

	/**
	 * Brings back an author's stories deleted with their account, and only those.
	 * @param authorId the author
	 * @param at when the account was deleted
	 * @return the tags of the stories brought back
	 */
	List<UUID> restoreAllBy(UUID authorId, Instant at) {
		return this.jdbc.sql("""
				with restored as (
				    update stories set deleted_at = null, updated_at = now()
				    where author_id = :author and deleted_at = :at returning id)
				select distinct st.tag_id from story_tags st join restored r on r.id = st.story_id""")
			.param("author", authorId)
			.param("at", Timestamp.from(at))
			.query(UUID.class)
			.list();
	}

}
