/**
 * Notifications: in-app (list, unread count, live stream over Server-Sent Events) and
 * email through a durable outbox, created from the whisper and follow events.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "users", "social", "whispers" })
package com.muejam.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
