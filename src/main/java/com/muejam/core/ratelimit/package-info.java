/**
 * Named request rate-limit policies, counted in Redis when configured and in memory
 * otherwise.
 */
@NullMarked
package com.muejam.core.ratelimit;

import org.jspecify.annotations.NullMarked;
