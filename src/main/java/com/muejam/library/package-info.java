/**
 * A reader's library: shelves of stories, reading progress per chapter (and the "continue
 * reading" list), and bookmarks. Publishes the save and read signals discovery learns
 * from, and tells which stories a reader finished ({@code FinishedStories}).
 * <p>
 * Reads of other modules' tables, read-only: from stories, {@code chapters} (whether the
 * chapter a reader completed is the last one readers can see, in the one statement that
 * lists a reader's finished stories, with the exported rule
 * {@code StoryVisibility.chapterVisibleSql}).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "stories", "users" })
package com.muejam.library;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
