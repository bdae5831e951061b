package com.muejam.notifications;

/**
 * What a notification is about.
 */
enum NotificationType {

	/** Someone replied to the user's whisper. */
	REPLY,

	/** Someone started following the user. */
	FOLLOW,

	/**
	 * A new chapter went live in a story the user shelved, or by an author they follow.
	 */
	NEW_CHAPTER,

	/** The user's personal data export is ready to download. */
	DATA_EXPORT_READY,

	/**
	 * Never a notification's type: the digest email, which gathers replies, new followers
	 * and new chapters (its unsubscribe link, the outbox's kind).
	 */
	DIGEST

}
