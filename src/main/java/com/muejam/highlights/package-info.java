/**
 * Highlights: passages a reader marks in a chapter, kept anchored to the same words when
 * the author edits the chapter (or marked orphaned when the words are gone).
 * <p>
 * Purging an account reads {@code whispers} (the whispers module's table) to keep the
 * highlights someone's whisper is about.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "stories", "users", "whispers" })
package com.muejam.highlights;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
