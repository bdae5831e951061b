/**
 * Retries of failed event listeners: bounded attempts with growing delays, then parking
 * where operators see the event and can resubmit it.
 */
@NullMarked
package com.muejam.core.events;

import org.jspecify.annotations.NullMarked;
