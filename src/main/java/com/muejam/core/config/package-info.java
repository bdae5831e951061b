/**
 * Application-wide configuration: the clock, the data directory, scheduling, and the
 * production safety checks.
 */
@NullMarked
package com.muejam.core.config;

import org.jspecify.annotations.NullMarked;
