package com.muejam.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.error.ApiException;
import com.muejam.core.pagination.CursorCodec;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.Keyset;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;
import com.muejam.exports.DataExportReady;
import com.muejam.notifications.NotificationQueries.Row;
import com.muejam.social.SocialService;
import com.muejam.users.DigestSettings;
import com.muejam.users.ProfileService;
import com.muejam.users.UserSummary;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * In-app notifications: created once per event (a unique key makes redelivered events
 * harmless), never to yourself or across a block, at most one FOLLOW per follower and
 * day; each new one is queued for email (unless switched off) and pushed to live streams
 * after commit.
 */
@Service
class NotificationService {

	private static final String LIST = "notifications";

	private final NotificationQueries queries;

	private final ProfileService profiles;

	private final SocialService social;

	private final EmailOutbox outbox;

	private final ReplyEmails replyEmails;

	private final LiveNotifications live;

	private final CursorCodec cursors;

	private final DigestSettings digests;

	private final Clock clock;

	NotificationService(NotificationQueries queries, ProfileService profiles, SocialService social, EmailOutbox outbox,
			ReplyEmails replyEmails, LiveNotifications live, CursorCodec cursors, DigestSettings digests, Clock clock) {
		this.queries = queries;
		this.profiles = profiles;
		this.social = social;
		this.outbox = outbox;
		this.replyEmails = replyEmails;
		this.live = live;
		this.cursors = cursors;
		this.digests = digests;
		this.clock = clock;
	}

	/**
	 * Notifies a user, once per dedupe key.
	 * @param recipientId who is notified
	 * @param type what happened
	 * @param actorId who did it
	 * @param whisperId the reply, for {@code REPLY}
	 * @param repliedTo the whisper replied to, for {@code REPLY} (reply emails are capped
	 * per recipient and whisper)
	 * @param dedupeKey the same key never notifies twice
	 * @return the new notification, empty when none was due
	 */
	@Transactional
	Optional<NotificationView> notify(UUID recipientId, NotificationType type, UUID actorId, @Nullable UUID whisperId,
			@Nullable UUID repliedTo, String dedupeKey) {
		if (recipientId.equals(actorId) || this.social.isBlockedEitherWay(recipientId, actorId)
				|| !this.profiles.exists(recipientId)) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		Optional<UUID> created = this.queries.insertOnce(recipientId, type, actorId, whisperId, dedupeKey, now);
		if (created.isEmpty()) {
			return Optional.empty();
		}
		UserSummary actor = this.profiles.summaries(Set.of(actorId)).get(actorId);
		NotificationView notification = new NotificationView(created.get(), type, actor, whisperId, null, null, null,
				null, now);
		if (settings(recipientId).emails(type)) {
			// a reader whose digest is on gets it there instead
			this.digests.emailForSingleNotices(recipientId)
				.ifPresent((email) -> email(recipientId, email, notification, repliedTo));
		}
		afterCommit(() -> this.live.publish(recipientId, notification));
		return Optional.of(notification);
	}

	private void email(UUID recipientId, String email, NotificationView notification, @Nullable UUID repliedTo) {
		if (notification.type() == NotificationType.REPLY && repliedTo != null) {
			this.replyEmails.queue(recipientId, email, notification, repliedTo);
		}
		else {
			this.outbox.enqueue(recipientId, email, notification, null);
		}
	}

	/**
	 * Tells a user their data export is ready: in the app, live, and by email (always:
	 * they asked for it). Once per export.
	 * @param ready the export
	 */
	@Transactional
	void notifyExportReady(DataExportReady ready) {
		Instant now = this.clock.instant();
		Optional<UUID> created = this.queries.insertExportReady(ready.userId(), ready.exportId(), now);
		if (created.isEmpty()) {
			return;
		}
		this.profiles.emailOf(ready.userId())
			.ifPresent((email) -> this.outbox.enqueueExportReady(email, created.get(), ready.downloadUrl(),
					ready.expiresAt()));
		UserSummary self = this.profiles.summaries(Set.of(ready.userId())).get(ready.userId());
		NotificationView notification = new NotificationView(created.get(), NotificationType.DATA_EXPORT_READY, self,
				null, null, null, ready.exportId(), null, now);
		afterCommit(() -> this.live.publish(ready.userId(), notification));
	}

	static String followKey(UUID followerId, UUID followingId, LocalDate day) {
		return "follow:" + followerId + ":" + followingId + ":" + day;
	}

	LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	@Transactional(readOnly = true)
	CursorPage<NotificationView> list(CurrentUser user, PageParams page) {
		Keyset after = Keyset.after(this.cursors, LIST, page);
		List<Row> rows = this.queries.page(user.id(), after, page.fetchSize());
		CursorPage<Row> slice = CursorPage.of(rows, page,
				(row) -> new Keyset(row.createdAt(), row.id()).encode(this.cursors, LIST));
		return slice.map(views(slice.data()));
	}

	/**
	 * The notifications created after the one a reconnecting stream saw last, oldest
	 * first.
	 * @param user the recipient
	 * @param lastEventId the id of the last notification the client received
	 * @return up to 100 missed notifications
	 */
	@Transactional(readOnly = true)
	List<NotificationView> missedSince(CurrentUser user, UUID lastEventId) {
		List<Row> rows = this.queries.createdAfter(user.id(), lastEventId);
		return rows.stream().map(views(rows)).toList();
	}

	@Transactional
	NotificationView markRead(CurrentUser user, UUID notificationId) {
		Row row = this.queries.markRead(user.id(), notificationId, this.clock.instant())
			.orElseThrow(() -> ApiException.notFound("Notification"));
		return views(List.of(row)).apply(row);
	}

	@Transactional
	int markAllRead(CurrentUser user) {
		return this.queries.markAllRead(user.id(), this.clock.instant());
	}

	@Transactional(readOnly = true)
	long unreadCount(CurrentUser user) {
		return this.queries.countUnread(user.id());
	}

	@Transactional(readOnly = true)
	NotificationSettings settings(UUID userId) {
		return this.queries.settings(userId).orElse(NotificationSettings.DEFAULTS);
	}

	/**
	 * Switches one type of email off, as a signed unsubscribe link asks.
	 * @param userId whose emails
	 * @param type which emails
	 * @return the settings now
	 */
	@Transactional
	NotificationSettings unsubscribe(UUID userId, NotificationType type) {
		if (type == NotificationType.DIGEST) {
			this.digests.stopDigest(userId, this.clock.instant());
		}
		return saveSettings(userId, settings(userId).without(type));
	}

	@Transactional
	NotificationSettings saveSettings(UUID userId, NotificationSettings settings) {
		NotificationSettings complete = settings.completedFrom(settings(userId));
		this.queries.upsertSettings(userId, complete);
		return complete;
	}

	private java.util.function.Function<Row, NotificationView> views(List<Row> rows) {
		Set<UUID> actors = new HashSet<>();
		rows.forEach((row) -> actors.add(row.actorId()));
		Map<UUID, UserSummary> summaries = this.profiles.summaries(actors);
		return (row) -> new NotificationView(row.id(), row.type(), summaries.get(row.actorId()), row.whisperId(),
				row.storyId(), row.chapterId(), row.exportId(), row.readAt(), row.createdAt());
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

}
