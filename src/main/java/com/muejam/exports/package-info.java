/**
 * Exports: stories as EPUB books, and users' personal data as zips.
 * <p>
 * A book is made once per revision of what it shows and kept in the object storage
 * ({@code epub_exports} says which revision is stored where). A personal data export
 * ({@code data_exports}) is made off the request by a listener of its own event, stored,
 * announced ({@code DataExportReady}, which the notifications module turns into a notice
 * and an email) and deleted 7 days later. Its archive reads, set-based and read-only, the
 * tables of every module that keeps what a user gave the platform: {@code user_profiles}
 * and {@code reader_preferences} (users), {@code stories} and {@code chapters} (stories),
 * {@code shelves}, {@code shelf_items}, {@code reading_progress} and {@code bookmarks}
 * (library), {@code highlights}, {@code whispers}, {@code follows}, {@code blocks} and
 * {@code mutes} (social), {@code notification_settings} (notifications) and
 * {@code reports} (moderation). Those modules need not know about exports, and the
 * archive reads one consistent snapshot in one transaction.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "stories", "uploads", "users", "library", "highlights", "whispers", "social",
		"notifications", "moderation" })
package com.muejam.exports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
