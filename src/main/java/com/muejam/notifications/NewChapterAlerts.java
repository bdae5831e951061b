package com.muejam.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;

import com.muejam.notifications.ChapterAlertQueries.Alert;
import com.muejam.notifications.ChapterAlertQueries.ChapterState;
import com.muejam.notifications.ChapterAlertQueries.Created;
import com.muejam.stories.ChapterPublished;
import com.muejam.stories.StoryService;
import com.muejam.stories.StoryView;
import com.muejam.users.DigestSettings;
import com.muejam.users.ProfileService;
import com.muejam.users.UserSummary;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * New-chapter alerts, off the request path: publishing a chapter only records an alert
 * (after the publishing transaction commits, through the durable event registry); this
 * job delivers the alerts whose chapters have gone live, now or at their scheduled time,
 * to the author's followers and the story's shelvers. Each batch of recipients (in user
 * id order) is one transaction that inserts their notifications in one statement and
 * moves the alert's place past them, so a crash resumes after the last committed batch,
 * and the dedupe key makes a repeated batch notify nobody twice. Live stream events and
 * emails (for readers who switched {@code email_new_chapter} on) follow each batch. Runs
 * on one instance per run (ShedLock).
 */
@Component
class NewChapterAlerts {

	/** Alerts looked at per run. */
	private static final int ALERTS_PER_RUN = 20;

	private final ChapterAlertQueries queries;

	private final TransactionTemplate transactions;

	private final ProfileService profiles;

	private final StoryService stories;

	private final EmailOutbox outbox;

	private final LiveNotifications live;

	private final Clock clock;

	private final int batchSize;

	private final DigestSettings digests;

	NewChapterAlerts(ChapterAlertQueries queries, TransactionTemplate transactions, ProfileService profiles,
			StoryService stories, EmailOutbox outbox, LiveNotifications live, Clock clock,
			@Value("${muejam.notifications.new-chapter-batch:1000}") int batchSize, DigestSettings digests) {
		this.digests = digests;
		this.queries = queries;
		this.transactions = transactions;
		this.profiles = profiles;
		this.stories = stories;
		this.outbox = outbox;
		this.live = live;
		this.clock = clock;
		this.batchSize = batchSize;
	}

	@ApplicationModuleListener
	void on(ChapterPublished published) {
		this.queries.schedule(published.chapterId(), published.storyId(), published.publishedAt(),
				this.clock.instant());
	}

	/**
	 * Delivers every alert that is due, batch by batch.
	 * @return how many notifications were created, or {@code null} when another instance
	 * held the lock
	 */
	@Scheduled(fixedDelayString = "${muejam.notifications.new-chapter-interval:15s}", initialDelayString = "15s")
	@SchedulerLock(name = "new-chapter-alerts", lockAtMostFor = "10m")
	public @Nullable Integer deliverDue() {
		int notified = 0;
		for (Alert alert : this.queries.due(this.clock.instant(), ALERTS_PER_RUN)) {
			ChapterState state = this.queries.state(alert.chapterId());
			if (state == ChapterState.GONE) {
				this.queries.finish(alert.chapterId(), this.clock.instant());
			}
			else if (state == ChapterState.LIVE) {
				Alert next = alert;
				while (next != null) {
					Batch batch = deliverBatch(next, this.batchSize);
					notified += batch.notified();
					next = batch.next();
				}
			}
		}
		return notified;
	}

	/**
	 * Delivers the next batch of an alert in one transaction.
	 * @param alert the alert, at its current place
	 * @param size the most recipients to notify
	 * @return how many were notified, and the alert at its new place ({@code null} when
	 * it is finished)
	 */
	Batch deliverBatch(Alert alert, int size) {
		Batch batch = Objects.requireNonNull(this.transactions.execute((tx) -> {
			Instant now = this.clock.instant();
			List<UUID> recipients = this.queries.recipients(alert, size);
			if (recipients.isEmpty()) {
				this.queries.finish(alert.chapterId(), now);
				return new Batch(List.of(), null, now);
			}
			List<Created> created = this.queries.notify(alert, recipients, now);
			UUID last = recipients.getLast();
			this.queries.advance(alert.chapterId(), last, created.size());
			email(alert, created, now);
			return new Batch(created, new Alert(alert.chapterId(), alert.storyId(), alert.authorId(), last), now);
		}));
		publishLive(alert, batch);
		return batch;
	}

	private void email(Alert alert, List<Created> created, Instant now) {
		if (created.isEmpty()) {
			return;
		}
		List<UUID> wanting = this.queries.wantingEmail(created.stream().map(Created::userId).toList());
		if (wanting.isEmpty()) {
			return;
		}
		UserSummary author = this.profiles.summaries(Set.of(alert.authorId())).get(alert.authorId());
		StoryView story = this.stories.visibleStories(List.of(alert.storyId())).get(alert.storyId());
		String title = (story != null) ? story.title() : null;
		for (Created notification : created) {
			if (wanting.contains(notification.userId())) {
				this.digests.emailForSingleNotices(notification.userId())
					.ifPresent((email) -> this.outbox.enqueue(notification.userId(), email,
							view(notification, alert, author, now), title));
			}
		}
	}

	private void publishLive(Alert alert, Batch batch) {
		if (batch.created().isEmpty()) {
			return;
		}
		Map<UUID, UserSummary> author = this.profiles.summaries(Set.of(alert.authorId()));
		for (Created notification : batch.created()) {
			this.live.publish(notification.userId(),
					view(notification, alert, author.get(alert.authorId()), batch.at()));
		}
	}

	private static NotificationView view(Created created, Alert alert, @Nullable UserSummary author, Instant at) {
		return new NotificationView(created.id(), NotificationType.NEW_CHAPTER, author, null, alert.storyId(),
				alert.chapterId(), null, null, at);
	}

	/**
	 * @param created the notifications a batch created
	 * @param next the alert at its new place, or {@code null} when it is finished
	 * @param at when the batch was delivered
	 */
	record Batch(List<Created> created, @Nullable Alert next, Instant at) {

		int notified() {
			return this.created.size();
		}

	}

}
