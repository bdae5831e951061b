/**
 * Event listeners: the few pooled threads asynchronous ones run on
 * ({@code ListenerThreadsConfiguration}), and retries of failed ones: bounded attempts
 * with growing delays, then parking where operators see the event and can resubmit it.
 */
@NullMarked
package com.muejam.core.events;

import org.jspecify.annotations.NullMarked;
