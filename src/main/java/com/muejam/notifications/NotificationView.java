package com.muejam.notifications;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import com.muejam.users.UserSummary;

/**
 * A notification as the list and the live stream show it.
 *
 * @param id the notification
 * @param type {@code REPLY} or {@code FOLLOW}
 * @param actor who replied or followed
 * @param whisperId the reply, for {@code REPLY}
 * @param readAt when the user read it, or {@code null}
 * @param createdAt when it happened
 */
@Schema(name = "Notification")
record NotificationView(UUID id, NotificationType type, @Nullable UserSummary actor, @Nullable UUID whisperId,
		@Nullable Instant readAt, Instant createdAt) {
}
