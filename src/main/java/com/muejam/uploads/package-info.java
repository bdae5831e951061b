/**
 * Uploaded objects: which user was issued which object key, and public URLs for stored
 * objects.
 */
@ApplicationModule
package com.muejam.uploads;

import org.springframework.modulith.ApplicationModule;
