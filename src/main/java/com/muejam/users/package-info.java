/**
 * User profiles: provisioning on first sign-in, {@code /v1/me}, public profiles, and the
 * Clerk webhook that keeps email and names in sync.
 * <p>
 * A returning user's sign-in is one statement, and it also reads who is hidden from the
 * user ({@code core.visibility.HiddenPeople}) with columns whose SQL the social module
 * writes ({@code HiddenPeopleColumns}), since nearly every signed-in read leaves those
 * people out. Each instance remembers it for a few seconds ({@link SignInMemory}), and
 * whatever changes it (a profile's save, preferences, the social module's blocks and
 * mutes) makes every instance forget it once the change commits.
 */
@NullMarked
@ApplicationModule(allowedDependencies = "uploads")
package com.muejam.users;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
