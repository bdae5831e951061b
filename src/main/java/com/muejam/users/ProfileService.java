package com.muejam.users;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.muejam.core.cache.CacheEvictions;
import com.muejam.core.cache.CacheNames;
import com.muejam.core.error.ApiException;
import com.muejam.core.security.CurrentUser;
import com.muejam.uploads.UploadService;
import com.muejam.uploads.UploadType;
import com.muejam.users.ProfileRequests.UpdateProfile;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Profiles: creating them on first sign-in, reading and changing them, and the summaries
 * other modules show for authors and actors.
 */
@Service
public class ProfileService {

	private static final int MAX_HANDLE_ATTEMPTS = 8;

	private final UserProfileRepository profiles;

	private final UploadService uploads;

	private final ProfileViewMapper views;

	private final Cache publicProfiles;

	private final HandleGenerator handles = new HandleGenerator();

	private final DigestSettings digests;

	private final Clock clock;

	ProfileService(UserProfileRepository profiles, UploadService uploads, ProfileViewMapper views, CacheManager caches,
			DigestSettings digests, Clock clock) {
		this.digests = digests;
		this.profiles = profiles;
		this.uploads = uploads;
		this.views = views;
		this.publicProfiles = caches.getCache(CacheNames.PROFILES);
		this.clock = clock;
	}

	/**
	 * Returns the caller behind a verified token, creating their profile on their first
	 * request and keeping the token's email. Concurrent first requests of one user create
	 * a single profile. Requests sign in through {@link ProfileAuthenticationConverter},
	 * which calls this only for a first request or a new email and then reads the caller
	 * (reading preferences included) in one statement; the caller returned here has the
	 * default preferences.
	 * @param subject the token's {@code sub}
	 * @param email the token's email, kept on the profile for notifications
	 * @param name the token's name, used for a new profile's display name
	 * @param tokenRoles the roles the token grants
	 * @return the caller
	 */
	@Transactional
	public CurrentUser signIn(String subject, @Nullable String email, @Nullable String name, Set<String> tokenRoles) {
		UserProfile profile = this.profiles.findByClerkUserId(subject).orElseGet(() -> create(subject, email, name));
		if (profile.isRestorable(this.clock.instant())) {
			return new CurrentUser(profile.id(), subject, Set.of(CurrentUser.DEACTIVATED), profile.isSuspended());
		}
		if (profile.isDeleted()) {
			throw new AccountDeleted();
		}
		if (email != null && !email.equalsIgnoreCase(String.valueOf(profile.email()))) {
			profile.changeEmail(email, this.clock.instant());
			this.profiles.save(profile);
		}
		Set<String> roles = new LinkedHashSet<>(tokenRoles);
		if (profile.isModerator()) {
			roles.add(CurrentUser.MODERATOR);
		}
		return new CurrentUser(profile.id(), subject, roles, profile.isSuspended());
	}

	@Transactional(readOnly = true)
	MeView me(CurrentUser user) {
		return this.views.toMe(load(user.id()), user);
	}

	@Transactional
	MeView update(CurrentUser user, UpdateProfile changes) {
		UserProfile profile = load(user.id());
		String previousHandle = profile.handle();
		var now = this.clock.instant();
		if (changes.handle() != null && !changes.handle().equals(profile.handle())) {
			Handle handle = new Handle(changes.handle());
			if (this.profiles.isHandleTakenByOther(handle.normalized(), profile.id())) {
				throw new HandleTaken(handle.value());
			}
			profile.changeHandle(handle, now);
		}
		if (changes.displayName() != null) {
			String displayName = changes.displayName().strip();
			if (displayName.isEmpty()) {
				throw ApiException.invalidField("display_name", "must not be blank");
			}
			profile.changeDisplayName(displayName, now);
		}
		if (changes.bio() != null) {
			profile.changeBio(changes.bio().isBlank() ? null : changes.bio(), now);
		}
		this.digests.apply(changes, profile, now);
		if (changes.avatarKey() != null) {
			profile.changeAvatar(this.uploads.requireUploadedBy(changes.avatarKey(), user.id(), UploadType.AVATAR),
					now);
		}
		try {
			this.profiles.save(profile);
		}
		catch (DataIntegrityViolationException ex) {
			// a concurrent request took the handle between the check and the write
			throw new HandleTaken(profile.handle());
		}
		evict(previousHandle);
		return this.views.toMe(profile, user);
	}

	/**
	 * A public profile by handle, ignoring case.
	 * @param handle the handle
	 * @return the profile
	 * @throws ApiException 404 when no such (undeleted) profile exists
	 */
	// no transaction: one statement on a miss, and from the cache no pooled connection
	ProfileView publicProfile(String handle) {
		if (!Handle.isValid(handle)) {
			throw ApiException.notFound("User");
		}
		String key = handle.toLowerCase(Locale.ROOT);
		ProfileView cached = this.publicProfiles.get(key, ProfileView.class);
		if (cached != null) {
			return cached;
		}
		long mark = CacheEvictions.mark(this.publicProfiles);
		ProfileView profile = this.profiles.findActiveByNormalizedHandle(key)
			.map(this.views::toPublic)
			.orElseThrow(() -> ApiException.notFound("User"));
		CacheEvictions.putUnlessEvicted(this.publicProfiles, key, profile, mark);
		return profile;
	}

	/**
	 * Summaries of several users in one query, for lists.
	 * @param ids the users
	 * @return the summaries by id; unknown ids are absent
	 */
	@Transactional(readOnly = true)
	public Map<UUID, UserSummary> summaries(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.profiles.findByIdIn(Set.copyOf(ids))
			.stream()
			.map(this.views::toSummary)
			.collect(Collectors.toMap(UserSummary::id, Function.identity()));
	}

	/**
	 * Public profiles of several users in one statement, for lists.
	 * @param ids the users
	 * @return the active (not deleted) profiles by id
	 */
	@Transactional(readOnly = true)
	public Map<UUID, ProfileView> publicProfiles(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.profiles.findByIdIn(Set.copyOf(ids))
			.stream()
			.filter((profile) -> !profile.isDeleted())
			.map(this.views::toPublic)
			.collect(Collectors.toMap(ProfileView::id, Function.identity()));
	}

	/**
	 * Moves the follow counters of two users by {@code delta}, in one statement, and
	 * drops their cached profiles.
	 * @param followerId who follows (or stopped following)
	 * @param followingId who is (or stopped being) followed
	 * @param delta {@code 1} for a new follow, {@code -1} for a removed one
	 */
	@Transactional
	public void countFollow(UUID followerId, UUID followingId, int delta) {
		this.profiles.countFollow(followerId, followingId, delta);
		this.profiles.findByIdIn(List.of(followerId, followingId)).forEach((profile) -> evict(profile.handle()));
	}

	/**
	 * The id of the active profile with this handle, ignoring case.
	 * @param handle the handle
	 * @return the profile id, empty if no such profile
	 */
	@Transactional(readOnly = true)
	public Optional<UUID> idOfHandle(String handle) {
		if (!Handle.isValid(handle)) {
			return Optional.empty();
		}
		return this.profiles.findActiveByNormalizedHandle(handle.toLowerCase(Locale.ROOT)).map(UserProfile::id);
	}

	/**
	 * Suspends or reinstates a user: a suspended user can read but not write.
	 * @param id the profile id
	 * @param suspended whether to suspend
	 * @return {@code false} if no such profile
	 */
	@Transactional
	public boolean setSuspended(UUID id, boolean suspended) {
		return this.profiles.findById(id).map((profile) -> {
			profile.suspend(suspended ? this.clock.instant() : null);
			this.profiles.save(profile);
			return true;
		}).orElse(false);
	}

	/**
	 * Where to email a user: the address from their token or from Clerk.
	 * @param id the profile id
	 * @return the email address, empty when unknown or the account is deleted
	 */
	@Transactional(readOnly = true)
	public Optional<String> emailOf(UUID id) {
		return this.profiles.findById(id).filter((profile) -> !profile.isDeleted()).map(UserProfile::email);
	}

	/**
	 * Whether an active (not deleted) profile exists.
	 * @param id the profile id
	 * @return {@code true} if it exists
	 */
	@Transactional(readOnly = true)
	public boolean exists(UUID id) {
		return this.profiles.findById(id).filter((profile) -> !profile.isDeleted()).isPresent();
	}

	/**
	 * Drops the cached public profile of a user whose public fields (e.g. counters)
	 * changed.
	 * @param id the profile id
	 */
	@Transactional(readOnly = true)
	public void profileChanged(UUID id) {
		this.profiles.findById(id).ifPresent((profile) -> evict(profile.handle()));
	}

	void evict(String handle) {
		CacheEvictions.evict(this.publicProfiles, handle.toLowerCase(Locale.ROOT));
	}

	private UserProfile create(String subject, @Nullable String email, @Nullable String name) {
		String displayName = displayName(name, email);
		for (int attempt = 0; attempt < MAX_HANDLE_ATTEMPTS; attempt++) {
			Handle handle = this.handles.generate((name != null) ? name : email);
			this.profiles.insertIfAbsent(subject, handle.value(), displayName, email);
			var created = this.profiles.findByClerkUserId(subject);
			if (created.isPresent()) {
				return created.get();
			}
		}
		throw new IllegalStateException("Could not find a free handle for a new profile");
	}

	private static String displayName(@Nullable String name, @Nullable String email) {
		String candidate = (name != null) ? name : (email != null) ? email.substring(0, email.indexOf('@')) : "Reader";
		candidate = candidate.strip();
		if (candidate.isEmpty()) {
			return "Reader";
		}
		return (candidate.length() > 100) ? candidate.substring(0, 100) : candidate;
	}

	private UserProfile load(UUID id) {
		return this.profiles.findById(id)
			.filter((profile) -> !profile.isDeleted())
			.orElseThrow(() -> ApiException.notFound("User"));
	}

}
