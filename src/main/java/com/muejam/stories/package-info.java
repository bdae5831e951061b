/**
 * Stories and chapters: writing drafts, publishing (now or scheduled), soft deletion,
 * tags, markdown rendering with sanitizing, and the public reading lists.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "users", "uploads" })
package com.muejam.stories;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
