/**
 * A reader's library: shelves of stories, reading progress per chapter (and the "continue
 * reading" list), and bookmarks. Publishes the save and read signals discovery learns
 * from.
 */
@NullMarked
@ApplicationModule(allowedDependencies = "stories")
package com.muejam.library;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
