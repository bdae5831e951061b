/**
 * The social graph: follows, blocks and mutes between users, the follower lists, and who
 * is hidden from whom.
 */
@NullMarked
@ApplicationModule(allowedDependencies = "users")
package com.muejam.social;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
