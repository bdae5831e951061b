package com.muejam.users;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A user's profile, created on their first authenticated request and kept in sync with
 * Clerk.
 */
@Table("user_profiles")
class UserProfile {

	static final String DELETED_NAME = "Deleted user";

	@Id
	private UUID id;

	@Column("clerk_user_id")
	private String clerkUserId;

	private String handle;

	@Column("display_name")
	private String displayName;

	private @Nullable String bio;

	@Column("avatar_key")
	private @Nullable String avatarKey;

	private @Nullable String email;

	private String role;

	@Column("suspended_at")
	private @Nullable Instant suspendedAt;

	@Column("deleted_at")
	private @Nullable Instant deletedAt;

	private String digest = Digest.WEEKLY.wire();

	private String timezone = "UTC";

	@Column("digest_since")
	private @Nullable Instant digestSince;

	@Column("purge_after")
	private @Nullable Instant purgeAfter;

	@ReadOnlyProperty
	@Column("follower_count")
	private int followerCount;

	@ReadOnlyProperty
	@Column("following_count")
	private int followingCount;

	@ReadOnlyProperty
	@Column("created_at")
	private Instant createdAt;

	@Column("updated_at")
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
