/**
 * Whispers: short public posts about anything, a story or a highlighted passage, with one
 * level of replies and likes; feeds that respect blocks and mutes.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "users", "stories", "highlights", "social", "uploads" })
package com.muejam.whispers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
