/**
 * Moderation: reports from anyone, the moderators' queue, and their decisions (dismiss,
 * hide the content, suspend the user), all written to an append-only audit log.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "users", "stories", "whispers" })
package com.muejam.moderation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
