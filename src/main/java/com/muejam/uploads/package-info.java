/**
 * Uploaded objects: which user was issued which object key, and public URLs for stored
 * objects.
 */
@NullMarked
@ApplicationModule
package com.muejam.uploads;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
