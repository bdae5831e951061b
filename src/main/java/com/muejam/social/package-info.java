/**
 * The social graph: follows, blocks and mutes between users, the follower lists, and who
 * is hidden from whom.
 */
@ApplicationModule(allowedDependencies = "users")
package com.muejam.social;

import org.springframework.modulith.ApplicationModule;
