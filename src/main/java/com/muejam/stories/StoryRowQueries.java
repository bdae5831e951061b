package com.muejam.stories;

import java.util.Collection;
import java.util.UUID;

import com.muejam.core.visibility.ContentWarning;
import com.muejam.core.visibility.Rating;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The writes of a story's row that the Story entity leaves alone: its rating and
 * warnings, a moderator's hiding, and what the row keeps from its tags (their names and
 * slugs, the search document). Split off from {@link StoryQueries}, which reads.
 */
@Component
class StoryRowQueries {

	private final JdbcClient jdbc;

	StoryRowQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Sets a story's rating and content warnings.
	 * @param storyId the story
	 * @param rating the rating
	 * @param warnings the warnings
	 */
	void rate(UUID storyId, Rating rating, Collection<ContentWarning> warnings) {
		this.jdbc.sql("update stories set rating = :rating, content_warnings = :warnings where id = :id")
			.param("id", storyId)
			.param("rating", rating.wire())
			.param("warnings", warnings.stream().map(ContentWarning::wire).distinct().sorted().toArray(String[]::new))
			.update();
	}

	/**
	 * Hides a story from readers, keeping the time it was first hidden.
	 * @param storyId the story
	 */
	void hide(UUID storyId) {
		this.jdbc.sql("""
				update stories set hidden_at = coalesce(hidden_at, now()) where id = :id""")
			.param("id", storyId)
			.update();
	}

	/**
	 * Writes what a story's tags show on its row: their names and slugs ordered by name,
	 * and its search document from its title (weight A), blurb (B) and tag names (C),
	 * with accents folded and English stemming.
	 * @param storyId the story
	 */
	void refreshTagsAndSearchDocument(UUID storyId) {
		this.jdbc.sql("""
				update stories s set tag_names = t.names, tag_slugs = t.slugs, search_vector =
				    setweight(to_tsvector('english', muejam_unaccent(s.title)), 'A')
				    || setweight(to_tsvector('english', muejam_unaccent(s.blurb)), 'B')
				    || setweight(to_tsvector('english', muejam_unaccent(array_to_string(t.names, ' '))), 'C')
				from (select coalesce(array_agg(t.name order by t.name), '{}') as names,
				             coalesce(array_agg(t.slug order by t.name), '{}') as slugs
				      from story_tags st join tags t on t.id = st.tag_id where st.story_id = :story) t
				where s.id = :story""").param("story", storyId).update();
	}

}
