/**
 * Stories and chapters: writing drafts, publishing (now or scheduled), soft deletion,
 * tags, markdown rendering with sanitizing, and the public reading lists.
 */
@ApplicationModule(allowedDependencies = { "users", "uploads" })
package com.muejam.stories;

import org.springframework.modulith.ApplicationModule;
