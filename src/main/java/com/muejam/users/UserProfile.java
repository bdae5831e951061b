package com.muejam.users;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A user's profile, created on their first authenticated request and kept in sync with
 * Clerk.
 */
@Entity
@Table(name = "user_profiles")
class UserProfile {

	static final String DELETED_NAME = "Deleted user";

	@Id
	private UUID id;

	@Column(name = "clerk_user_id", nullable = false, updatable = false)
	private String clerkUserId;

	@Column(nullable = false)
	private String handle;

	@Column(name = "display_name", nullable = false)
	private String displayName;

	private @Nullable String bio;

	@Column(name = "avatar_key")
	private @Nullable String avatarKey;

	private @Nullable String email;

	@Column(nullable = false)
	private String role;

	@Column(name = "suspended_at")
	private @Nullable Instant suspendedAt;

	@Column(name = "deleted_at")
	private @Nullable Instant deletedAt;

	@Column(nullable = false)
	private String digest = Digest.WEEKLY.wire();

	@Column(nullable = false)
	private String timezone = "UTC";

	@Column(name = "digest_since")
	private @Nullable Instant digestSince;

	@Column(name = "purge_after")
	private @Nullable Instant purgeAfter;

	@Column(name = "follower_count", nullable = false, insertable = false, updatable = false)
	private int followerCount;

	@Column(name = "following_count", nullable = false, insertable = false, updatable = false)
	private int followingCount;

	@Column(name = "created_at", nullable = false, insertable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected UserProfile() {
	}

	UUID id() {
		return this.id;
	}

	String clerkUserId() {
		return this.clerkUserId;
	}

	String handle() {
		return this.handle;
	}

	String displayName() {
		return this.displayName;
	}

	@Nullable String bio() {
		return this.bio;
	}

	@Nullable String avatarKey() {
		return this.avatarKey;
	}

	@Nullable String email() {
		return this.email;
	}

	boolean isModerator() {
		return "MODERATOR".equals(this.role);
	}

	boolean isSuspended() {
		return this.suspendedAt != null;
	}

	boolean isDeleted() {
		return this.deletedAt != null;
	}

	/**
	 * Whether the owner asked for the account's deletion and may still bring it back.
	 * @param now the moment
	 * @return {@code true} within the grace period
	 */
	boolean isRestorable(Instant now) {
		return this.deletedAt != null && this.purgeAfter != null && this.purgeAfter.isAfter(now);
	}

	@Nullable Instant deletedAt() {
		return this.deletedAt;
	}

	@Nullable Instant purgeAfter() {
		return this.purgeAfter;
	}

	/**
	 * The owner asked for the account's deletion: it disappears now and is purged after
	 * the grace period, unless they restore it.
	 * @param now the moment (kept to the microsecond, as the database keeps it)
	 * @param grace how long it may be restored
	 */
	void deactivate(Instant now, Duration grace) {
		this.deletedAt = now;
		this.purgeAfter = now.plus(grace);
		this.updatedAt = now;
	}

	/**
	 * Brings a deactivated account back.
	 * @param now the moment
	 */
	void restore(Instant now) {
		this.deletedAt = null;
		this.purgeAfter = null;
		this.updatedAt = now;
	}

	int followerCount() {
		return this.followerCount;
	}

	int followingCount() {
		return this.followingCount;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	void changeHandle(Handle handle, Instant now) {
		this.handle = handle.value();
		this.updatedAt = now;
	}

	void changeDisplayName(String displayName, Instant now) {
		this.displayName = displayName;
		this.updatedAt = now;
	}

	void changeBio(@Nullable String bio, Instant now) {
		this.bio = bio;
		this.updatedAt = now;
	}

	void changeAvatar(@Nullable String avatarKey, Instant now) {
		this.avatarKey = avatarKey;
		this.updatedAt = now;
	}

	Digest digest() {
		return Digest.fromWire(this.digest);
	}

	String timezone() {
		return this.timezone;
	}

	/**
	 * Changes how often the digest comes; switching it on starts it now (what came before
	 * was emailed one at a time).
	 * @param digest the choice
	 * @param now the moment
	 */
	void changeDigest(Digest digest, Instant now) {
		if (digest() == Digest.OFF && digest != Digest.OFF) {
			this.digestSince = now;
		}
		this.digest = digest.wire();
		this.updatedAt = now;
	}

	void changeTimezone(String timezone, Instant now) {
		this.timezone = timezone;
		this.updatedAt = now;
	}

	void suspend(@Nullable Instant at) {
		this.suspendedAt = at;
		this.updatedAt = (at != null) ? at : Instant.now();
	}

	void changeEmail(@Nullable String email, Instant now) {
		this.email = email;
		this.updatedAt = now;
	}

	/**
	 * Removes everything that identifies the person, keeping the row so that their
	 * content's references stay valid.
	 * @param anonymousHandle a fresh handle that says nothing about them
	 * @param now the deletion time
	 */
	void anonymize(Handle anonymousHandle, Instant now) {
		this.handle = anonymousHandle.value();
		this.displayName = DELETED_NAME;
		this.bio = null;
		this.avatarKey = null;
		this.email = null;
		this.deletedAt = (this.deletedAt != null) ? this.deletedAt : now;
		this.purgeAfter = null;
		this.updatedAt = now;
	}

}
