/**
 * Shared kernel: errors, pagination, request ids, security glue, embedded defaults, cache
 * and rate-limit abstractions. Holds no feature logic.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package com.muejam.core;

import org.springframework.modulith.ApplicationModule;
