package com.muejam.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/**
 * Which notifications a user also receives by email.
 *
 * @param emailReply email about replies to their whispers
 * @param emailFollow email about new followers
 */
@Schema(example = "{\"email_reply\":true,\"email_follow\":false}", name = "NotificationSettings")
record NotificationSettings(@NotNull Boolean emailReply, @NotNull Boolean emailFollow) {

	static final NotificationSettings DEFAULTS = new NotificationSettings(true, true);

	boolean emails(NotificationType type) {
		return switch (type) {
			case REPLY -> this.emailReply;
			case FOLLOW -> this.emailFollow;
		};
	}

	NotificationSettings without(NotificationType type) {
		return switch (type) {
			case REPLY -> new NotificationSettings(false, this.emailFollow);
			case FOLLOW -> new NotificationSettings(this.emailReply, false);
		};
	}

}
