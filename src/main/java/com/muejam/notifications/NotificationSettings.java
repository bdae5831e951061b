package com.muejam.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * Which notifications a user also receives by email.
 *
 * @param emailReply email about replies to their whispers
 * @param emailFollow email about new followers
 * @param emailNewChapter email about new chapters of shelved stories and followed authors
 * (off by default; absent in a change keeps it as it is)
 */
@Schema(example = "{\"email_reply\":true,\"email_follow\":false,\"email_new_chapter\":false}",
		name = "NotificationSettings")
record NotificationSettings(@NotNull Boolean emailReply, @NotNull Boolean emailFollow,
		@Schema(description = "Off by default; absent in a PUT keeps it as it is") @Nullable Boolean emailNewChapter) {

	static final NotificationSettings DEFAULTS = new NotificationSettings(true, true, false);

	boolean emails(NotificationType type) {
		return switch (type) {
			case REPLY -> this.emailReply;
			case FOLLOW -> this.emailFollow;
			case NEW_CHAPTER -> Boolean.TRUE.equals(this.emailNewChapter);
			// asked for by the user: always sent
			case DATA_EXPORT_READY -> true;
			case DIGEST -> this.emailReply || this.emailFollow || Boolean.TRUE.equals(this.emailNewChapter);
		};
	}

	NotificationSettings without(NotificationType type) {
		return switch (type) {
			case REPLY -> new NotificationSettings(false, this.emailFollow, this.emailNewChapter);
			case FOLLOW -> new NotificationSettings(this.emailReply, false, this.emailNewChapter);
			case NEW_CHAPTER -> new NotificationSettings(this.emailReply, this.emailFollow, false);
			case DATA_EXPORT_READY -> this;
			// no digest, and no single emails in its place
			case DIGEST -> new NotificationSettings(false, false, false);
		};
	}

	/**
	 * These settings with what a change left out taken from the current ones.
	 * @param current the settings now
	 * @return the complete settings
	 */
	NotificationSettings completedFrom(NotificationSettings current) {
		return (this.emailNewChapter != null) ? this
				: new NotificationSettings(this.emailReply, this.emailFollow, current.emailNewChapter());
	}

}
