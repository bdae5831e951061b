/**
 * Search: full-text search over stories, users and tags, and type-ahead suggestions, read
 * in SQL from the stories' and profiles' tables (read only).
 * <p>
 * Reads of other modules' tables, read-only and ranked in one statement per page over
 * their full-text and trigram indexes: from the stories module, {@code stories} (with its
 * exported visibility rule, {@code StoryVisibility.VISIBLE_STORY_SQL}),
 * {@code story_tags} and {@code tags}; from users, {@code user_profiles}.
 * <p>
 * A signed-out search's first page of stories keeps its hits' positions for a moment in
 * the {@code search} cache ({@code SharedStoryHits}); the stories are read on each
 * request.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "stories", "users", "library" })
package com.muejam.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
