/**
 * Discovery: the New, Trending and For You feeds, built from reading, saving, liking,
 * whispering and following signals. Ranks in set-based SQL over the stories' tables (read
 * only).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "stories", "library", "whispers", "social", "users" })
package com.muejam.discovery;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
