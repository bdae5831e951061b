/**
 * A reader's library: shelves of stories, reading progress per chapter (and the "continue
 * reading" list), and bookmarks. Appends the save and read signals discovery learns from
 * to the shared signal inbox ({@code core.signals.SignalInboxSql}) in the statement that
 * saves or reads, and publishes them as events; tells which stories a reader finished
 * ({@code FinishedStories}).
 * <p>
 * The "continue reading" list pages through {@code story_progress}: a reader's latest
 * position in each story, one row per story, written by the statement that saves a
 * position. A page reads about a page of rows, whatever the reader's history.
 * <p>
 * Reads of other modules' tables, read-only, from stories:
 * <ul>
 * <li>{@code chapters}: whether the chapter a reader completed is the last one readers
 * can see, in the one statement that lists a reader's finished stories, with the exported
 * rule {@code StoryVisibility.chapterVisibleSql};</li>
 * <li>{@code chapters} and {@code stories}: the chapter each "continue reading" position
 * is in, readable by the exported rule {@code StoryVisibility.VISIBLE_CHAPTER_SQL}, read
 * with the positions in one statement;</li>
 * <li>{@code stories} with their authors' {@code user_profiles}: each shelf item's and
 * "continue reading" position's story, joined into the page's statement by the SQL the
 * stories module exports ({@code StoryVisibility.visibleStoryJoin}) and read back by it
 * ({@code StoryVisibility.joinedStories}); with the in-process cache, the join reads the
 * visible story's id alone and the stories come from the cache.</li>
 * </ul>
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "stories", "users" })
package com.muejam.library;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
