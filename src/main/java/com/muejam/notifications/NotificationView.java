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
 * @param type {@code REPLY}, {@code FOLLOW}, {@code NEW_CHAPTER} or
 * {@code DATA_EXPORT_READY}
 * @param actor who replied, followed or published the chapter (the user, for an export)
 * @param whisperId the reply, for {@code REPLY}
 * @param storyId the story, for {@code NEW_CHAPTER}
 * @param chapterId the new chapter, for {@code NEW_CHAPTER}
 * @param exportId the export, for {@code DATA_EXPORT_READY}
 * @param readAt when the user read it, or {@code null}
 * @param createdAt when it happened
 */
@Schema(name = "Notification")
record NotificationView(UUID id, NotificationType type, @Nullable UserSummary actor, @Nullable UUID whisperId,
		@Schema(description = "The story, for `NEW_CHAPTER`") @Nullable UUID storyId,
		@Schema(description = "The new chapter, for `NEW_CHAPTER`") @Nullable UUID chapterId,
		@Schema(description = "The export (GET /v1/me/exports/{id}), for `DATA_EXPORT_READY`") @Nullable UUID exportId,
		@Nullable Instant readAt, Instant createdAt) {
}
