/**
 * Optional Redis wiring: the conditions that switch it on and the guard that keeps its
 * outages invisible to users.
 */
@NullMarked
package com.muejam.core.redis;

import org.jspecify.annotations.NullMarked;
