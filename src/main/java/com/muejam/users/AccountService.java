package com.muejam.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.muejam.core.error.ApiException;
import com.muejam.core.error.ErrorCode;
import com.muejam.core.security.CurrentUser;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts deleted on their owner's request: gone at once, restorable for 30 days, then
 * purged: the profile anonymized (email, names, bio, avatar) and {@link UserDeleted}
 * published, on which every module removes the personal data it keeps (progress,
 * bookmarks, shelves, highlights, the social graph, notifications, exports, preferences).
 */
@Service
class AccountService {

	static final Duration GRACE = Duration.ofDays(30);

	private static final int PURGE_BATCH = 100;

	private static final Logger log = LoggerFactory.getLogger(AccountService.class);

	private final UserProfileRepository profiles;

	private final ProfileService profileService;

	private final ApplicationEventPublisher events;

	private final HandleGenerator handles = new HandleGenerator();

	private final Clock clock;

	private final PreferenceQueries preferences;

	AccountService(UserProfileRepository profiles, ProfileService profileService, PreferenceQueries preferences,
			ApplicationEventPublisher events, Clock clock) {
		this.profiles = profiles;
		this.preferences = preferences;
		this.profileService = profileService;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Deletes the caller's account, restorable for 30 days; asking again changes nothing.
	 * @param user the caller
	 * @return when it was deleted and when it will be purged
	 */
	@Transactional
	AccountView deactivate(CurrentUser user) {
		UserProfile profile = this.profiles.findById(user.id()).orElseThrow(() -> ApiException.notFound("Account"));
		if (!profile.isDeleted()) {
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
			profile.deactivate(now, GRACE);
			this.profiles.save(profile);
			this.profileService.evict(profile.handle());
			this.events.publishEvent(new AccountDeactivated(profile.id(), now));
		}
		return new AccountView(Objects.requireNonNull(profile.deletedAt()),
				Objects.requireNonNull(profile.purgeAfter()));
	}

	/**
	 * Brings the caller's deleted account back, within the grace period.
	 * @param user the caller
	 */
	@Transactional
	void restore(CurrentUser user) {
		UserProfile profile = this.profiles.findById(user.id()).orElseThrow(() -> ApiException.notFound("Account"));
		Instant now = this.clock.instant();
		if (!profile.isDeleted()) {
			return;
		}
		if (!profile.isRestorable(now)) {
			throw new ApiException(ErrorCode.CONFLICT, "This account can no longer be restored");
		}
		Instant deactivatedAt = Objects.requireNonNull(profile.deletedAt());
		profile.restore(now);
		this.profiles.save(profile);
		this.events.publishEvent(new AccountRestored(profile.id(), deactivatedAt));
	}

	/**
	 * A purged account's reading preferences go.
	 * @param event the account
	 */
	@ApplicationModuleListener
	void on(UserDeleted event) {
		this.preferences.deleteFor(event.userId());
	}

	/**
	 * Purges the accounts whose grace period ended, up to a batch per run, each in the
	 * run's transaction.
	 * @return how many were purged ({@code null} on an instance that did not get the
	 * lock)
	 */
	@Scheduled(fixedDelayString = "${muejam.accounts.purge-interval:1h}", initialDelayString = "1m")
	@SchedulerLock(name = "account-purge", lockAtMostFor = "10m")
	@Transactional
	public @Nullable Integer purgeDue() {
		Instant now = this.clock.instant();
		List<UserProfile> due = this.profiles.findByPurgeAfterLessThanEqual(now, Limit.of(PURGE_BATCH));
		for (UserProfile profile : due) {
			profile.anonymize(this.handles.generate("deleted"), now);
			this.profiles.save(profile);
			this.events.publishEvent(new UserDeleted(profile.id()));
		}
		if (!due.isEmpty()) {
			log.info("Purged {} accounts whose owners deleted them more than {} days ago", due.size(), GRACE.toDays());
		}
		return due.size();
	}

}
