/**
 * Search: full-text search over stories, users and tags, and type-ahead suggestions, read
 * in SQL from the stories' and profiles' tables (read only).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "stories", "users" })
package com.muejam.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
