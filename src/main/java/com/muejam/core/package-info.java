/**
 * Shared kernel: errors, pagination, request ids, security glue, embedded defaults, cache
 * and rate-limit abstractions. Holds no feature logic.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package com.muejam.core;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
