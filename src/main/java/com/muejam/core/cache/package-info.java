/**
 * Cache-aside configuration: cache names and TTLs, JSON serialization, and writes that
 * survive a Redis outage.
 */
@NullMarked
package com.muejam.core.cache;

import org.jspecify.annotations.NullMarked;
