/**
 * Notifications: in-app (list, unread count, live stream over Server-Sent Events) and
 * email through a durable outbox, created from the whisper, follow and chapter events.
 * <p>
 * Reads of other modules' tables, all read-only and set-based (a new-chapter alert
 * reaches up to an author's every follower, in batches of one statement each, which a
 * per-reader call through the owners' services would turn into N queries): from social,
 * {@code follows} (the author's followers, in user id order) and {@code blocks} (nobody
 * hears across a block); from library, {@code shelves} and {@code shelf_items} (the
 * story's shelvers); from stories, {@code stories} and {@code chapters} (the story's
 * author, and whether the chapter is live, with the exported rule
 * {@code StoryVisibility.VISIBLE_CHAPTER_SQL}); from users, {@code user_profiles}
 * (deleted accounts are left out).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "users", "social", "whispers", "stories", "library", "exports" })
package com.muejam.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
