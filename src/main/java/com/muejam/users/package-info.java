/**
 * User profiles: provisioning on first sign-in, {@code /v1/me}, public profiles, and the
 * Clerk webhook that keeps email and names in sync.
 */
@NullMarked
@ApplicationModule(allowedDependencies = "uploads")
package com.muejam.users;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
