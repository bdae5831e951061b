/**
 * Cache-aside configuration: cache names and TTLs, JSON serialization, and writes that
 * survive a Redis outage. In-process caches are bounded by their number of entries, or
 * for values of very different sizes ({@link com.muejam.core.cache.Weighed}) by the sum
 * of their sizes. Writers evict through {@link com.muejam.core.cache.CacheEvictions}: in
 * their transaction and again after it commits, so that a read that overtook the write
 * does not leave the old value behind.
 */
@NullMarked
package com.muejam.core.cache;

import org.jspecify.annotations.NullMarked;
