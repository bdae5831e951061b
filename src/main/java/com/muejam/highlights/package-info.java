/**
 * Highlights: passages a reader marks in a chapter, kept anchored to the same words when
 * the author edits the chapter (or marked orphaned when the words are gone).
 */
@ApplicationModule(allowedDependencies = "stories")
package com.muejam.highlights;

import org.springframework.modulith.ApplicationModule;
