package com.muejam.notifications;

import java.util.UUID;

/**
 * Fans a new notification out to the recipient's open streams, on whichever instance they
 * are connected: in-process by default, through Redis pub/sub when Redis is configured.
 */
interface LiveNotifications {

	/**
	 * Delivers a notification to its recipient's live streams.
	 * @param recipientId the recipient
	 * @param notification the notification
	 */
	void publish(UUID recipientId, NotificationView notification);

}
