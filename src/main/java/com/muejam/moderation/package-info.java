/**
 * Moderation: reports from anyone, the moderators' queue, and their decisions (dismiss,
 * hide the content, suspend the user), all written to an append-only audit log.
 * <p>
 * Reads of other modules' tables, read-only: a queue page summarises its reports' targets
 * in one statement, and a report's target is checked (exists, who wrote it) by primary
 * key, from the stories module's {@code stories} and {@code chapters}, whispers'
 * {@code whispers} and users' {@code user_profiles}. Hiding content and suspending users
 * go through those modules' services.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "users", "stories", "whispers" })
package com.muejam.moderation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
