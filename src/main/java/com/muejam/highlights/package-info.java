/**
 * Highlights: passages a reader marks in a chapter, kept anchored to the same words when
 * the author edits the chapter (or marked orphaned when the words are gone).
 */
@NullMarked
@ApplicationModule(allowedDependencies = "stories")
package com.muejam.highlights;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
