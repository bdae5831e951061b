package com.muejam.stories;

import java.util.List;
import java.util.UUID;

import com.muejam.core.cache.CacheNames;
import com.muejam.users.UserDeleted;

import org.springframework.cache.CacheManager;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When an account is deleted, its stories go with it (soft-deleted, like an author's own
 * deletion), and the tag counts follow.
 */
@Component
class UserContentCleanup {

	private final JdbcClient jdbc;

	private final TagStore tags;

	private final CacheManager caches;

	UserContentCleanup(JdbcClient jdbc, TagStore tags, CacheManager caches) {
		this.jdbc = jdbc;
		this.tags = tags;
		this.caches = caches;
	}

	@ApplicationModuleListener
	void on(UserDeleted event) {
		List<UUID> tagIds = this.jdbc.sql("""
				with deleted as (
				    update stories set deleted_at = now(), updated_at = now()
				    where author_id = :author and deleted_at is null returning id)
				select distinct st.tag_id from story_tags st join deleted d on d.id = st.story_id""")
			.param("author", event.userId())
			.query(UUID.class)
			.list();
		this.tags.recount(tagIds);
		// a rare event: dropping every cached story is simpler than finding the author's
		// slugs
		this.caches.getCache(CacheNames.STORIES).clear();
	}

}
