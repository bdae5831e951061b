package com.muejam.notifications;

import com.muejam.exports.DataExportReady;
import com.muejam.social.UserFollowed;
import com.muejam.whispers.WhisperReplied;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the whisper and follow events into notifications, after the action has committed.
 * The event publication registry redelivers an event whose handling failed; the dedupe
 * keys make that harmless.
 */
@Component
class NotificationTriggers {

	private final NotificationService notifications;

	NotificationTriggers(NotificationService notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(WhisperReplied reply) {
		this.notifications.notify(reply.parentAuthorId(), NotificationType.REPLY, reply.replierId(), reply.replyId(),
				reply.parentId(), "reply:" + reply.replyId());
	}

	@ApplicationModuleListener
	void on(DataExportReady ready) {
		this.notifications.notifyExportReady(ready);
	}

	@ApplicationModuleListener
	void on(UserFollowed follow) {
		this.notifications.notify(follow.followingId(), NotificationType.FOLLOW, follow.followerId(), null, null,
				NotificationService.followKey(follow.followerId(), follow.followingId(), this.notifications.today()));
	}

}
