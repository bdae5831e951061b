/**
 * Exports: stories as EPUB books, made once per revision of what they show and kept in
 * the object storage ({@code epub_exports} says which revision is stored where).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "stories", "uploads", "users" })
package com.muejam.exports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
