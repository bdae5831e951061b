package com.muejam.stories;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.error.ApiException;
import com.muejam.core.pagination.Seek;
import com.muejam.core.quota.QuotaExceeded;
import com.muejam.core.quota.Quotas;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tags: created on first use, matched by slug ({@code Slow Burn} and {@code slow burn}
 * are one tag), attached to stories, and counted over published stories for the popular
 * list. Every operation is one set-based statement whatever the number of tags. A tag
 * remembers who created it: one user creates at most
 * {@code muejam.quotas.new-tags-per-day} tags per UTC day.
 */
@Component
class TagStore {

	static final int MAX_TAGS = 10;

	private final JdbcClient jdbc;

	private final Quotas quotas;

	private final Clock clock;

	TagStore(JdbcClient jdbc, Quotas quotas, Clock clock) {
		this.jdbc = jdbc;
		this.quotas = quotas;
		this.clock = clock;
	}

	/**
	 * The ids of the named tags, creating the missing ones: all of them, or none if that
	 * would take the user past their new tags for the day.
	 * @param user who names the tags
	 * @param names tag names as the author typed them
	 * @return the tag ids
	 * @throws QuotaExceeded if creating the missing tags would exceed the user's quota
	 */
	List<UUID> resolve(UUID user, List<String> names) {
		Map<String, String> bySlug = new LinkedHashMap<>();
		for (String name : names) {
			String clean = name.strip().replaceAll("\\s+", " ");
			String slug = Slugs.of(clean, 50);
			if (slug.isEmpty()) {
				throw ApiException.invalidField("tags", "each tag needs at least one letter or digit");
			}
			bySlug.putIfAbsent(slug, clean);
		}
		if (bySlug.isEmpty()) {
			return List.of();
		}
		String[] slugs = bySlug.keySet().toArray(String[]::new);
		Instant now = this.clock.instant();
		// the missing tags are inserted only if they fit in the user's quota for today
		this.jdbc.sql("""
				with missing as (
				    select w.name, w.slug from unnest(:names::text[], :slugs::text[]) as w(name, slug)
				    where not exists (select 1 from tags t where t.slug = w.slug))
				insert into tags (name, slug, created_by, created_at) select name, slug, :user, :now from missing
				where (select count(*) from missing)
				    + (select count(*) from tags where created_by = :user and created_at >= :day) <= :quota
				on conflict (slug) do nothing""")
			.param("names", bySlug.values().toArray(String[]::new))
			.param("slugs", slugs)
			.param("user", user)
			.param("now", Timestamp.from(now))
			.param("day", Timestamp.from(now.truncatedTo(ChronoUnit.DAYS)))
			.param("quota", this.quotas.newTagsPerDay())
			.update();
		List<UUID> ids = this.jdbc.sql("select id from tags where slug = any(:slugs)")
			.param("slugs", slugs)
			.query(UUID.class)
			.list();
		if (ids.size() < slugs.length) {
			throw new QuotaExceeded("new_tags_per_day", this.quotas.newTagsPerDay(), "new tags today");
		}
		return ids;
	}

	/**
	 * Makes the story carry exactly these tags.
	 * @param storyId the story
	 * @param tagIds its tags
	 * @return the tags whose story counts may have changed (removed and added)
	 */
	Set<UUID> replace(UUID storyId, List<UUID> tagIds) {
		UUID[] ids = tagIds.toArray(UUID[]::new);
		Set<UUID> affected = new TreeSet<>(this.jdbc
			.sql("delete from story_tags where story_id = :story and not (tag_id = any(:ids)) returning tag_id")
			.param("story", storyId)
			.param("ids", ids)
			.query(UUID.class)
			.list());
		this.jdbc.sql("""
				insert into story_tags (story_id, tag_id) select :story, unnest(:ids::uuid[])
				on conflict do nothing""").param("story", storyId).param("ids", ids).update();
		affected.addAll(tagIds);
		return affected;
	}

	List<UUID> tagIdsOf(UUID storyId) {
		return this.jdbc.sql("select tag_id from story_tags where story_id = :story")
			.param("story", storyId)
			.query(UUID.class)
			.list();
	}

	/**
	 * Recounts the published, undeleted, unhidden stories of the given tags.
	 * @param tagIds the tags
	 */
	void recount(Collection<UUID> tagIds) {
		if (tagIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update tags t set story_count = (
				    select count(*) from story_tags st join stories s on s.id = st.story_id
				    where st.tag_id = t.id and s.published and s.deleted_at is null and s.hidden_at is null)
				where t.id = any(:ids)""").param("ids", tagIds.toArray(UUID[]::new)).update();
	}

	/**
	 * A page of tags by the number of published stories that carry them.
	 * @param after the (story count, id) to continue after, or {@code null}
	 * @param limit rows to fetch
	 * @return the tags and their ids (for the cursor)
	 */
	List<PopularTagRow> popularTags(@Nullable TagPosition after, int limit) {
		return this.jdbc
			.sql("""
					select t.id, t.name, t.slug, t.story_count from tags t where t.story_count > 0 %s
					order by t.story_count desc, t.id limit :limit"""
				.formatted(Seek.descendingThenAscending(after, "t.story_count", ":count", "t.id", ":id")))
			.param("limit", limit)
			.params((after != null) ? Map.of("count", after.count(), "id", after.id()) : Map.of())
			.query((rs, n) -> new PopularTagRow(rs.getObject("id", UUID.class),
					new PopularTagView(rs.getString("name"), rs.getString("slug"), rs.getInt("story_count"))))
			.list();
	}

	/**
	 * @param id the tag's id, for the cursor
	 * @param view what the list shows
	 */
	record PopularTagRow(UUID id, PopularTagView view) {
	}

	/**
	 * Where a page of popular tags continues: after this (story count, id).
	 *
	 * @param count the last tag's story count
	 * @param id its id
	 */
	record TagPosition(int count, UUID id) {

		static TagPosition of(List<String> values) {
			return new TagPosition(Integer.parseInt(values.get(0)), UUID.fromString(values.get(1)));
		}

	}

}
