package com.muejam.social;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.error.ApiException;
import com.muejam.core.pagination.CursorCodec;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.Keyset;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;
import com.muejam.core.visibility.BlockedUsers;
import com.muejam.core.visibility.HiddenPeople;
import com.muejam.social.SocialQueries.Relation;
import com.muejam.social.SocialQueries.Side;
import com.muejam.users.ProfileService;
import com.muejam.users.ProfileView;
import com.muejam.users.SignInMemory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follows, blocks and mutes. Every operation is idempotent. A block removes the follows
 * between the two users in the same transaction, and while it exists (either way) neither
 * can follow the other. Writes on a pair of users are serialized with a
 * transaction-scoped advisory lock, so a follow racing a block cannot survive it.
 */
@Service
public class SocialService implements BlockedUsers {

	private final SocialQueries queries;

	private final ProfileService profiles;

	private final SignInMemory signIns;

	private final CursorCodec cursors;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SocialService(SocialQueries queries, ProfileService profiles, SignInMemory signIns, CursorCodec cursors,
			ApplicationEventPublisher events, Clock clock) {
		this.queries = queries;
		this.profiles = profiles;
		this.signIns = signIns;
		this.cursors = cursors;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	boolean follow(CurrentUser user, UUID targetId) {
		requireOther(user, targetId, "follow");
		this.queries.lockPair(user.id(), targetId);
		if (isBlockedEitherWay(user.id(), targetId)) {
			throw ApiException.forbidden("You cannot follow this user");
		}
		int inserted = this.queries.insertFollow(user.id(), targetId, this.clock.instant());
		if (inserted > 0) {
			this.profiles.countFollow(user.id(), targetId, 1);
			this.events.publishEvent(new UserFollowed(user.id(), targetId));
		}
		return true;
	}

	@Transactional
	boolean unfollow(CurrentUser user, UUID targetId) {
		requireOther(user, targetId, "follow");
		this.queries.lockPair(user.id(), targetId);
		removeFollow(user.id(), targetId);
		return false;
	}

	@Transactional
	boolean block(CurrentUser user, UUID targetId) {
		requireOther(user, targetId, "block");
		this.queries.lockPair(user.id(), targetId);
		int inserted = this.queries.insertBlock(user.id(), targetId, this.clock.instant());
		removeFollow(user.id(), targetId);
		removeFollow(targetId, user.id());
		if (inserted > 0) {
			this.events.publishEvent(new UserBlocked(user.id(), targetId));
		}
		// either side signs in with the other hidden
		this.signIns.changed(user.id(), targetId);
		return true;
	}

	@Transactional
	boolean unblock(CurrentUser user, UUID targetId) {
		requireOther(user, targetId, "block");
		this.queries.deleteBlock(user.id(), targetId);
		this.signIns.changed(user.id(), targetId);
		return false;
	}

	@Transactional
	boolean mute(CurrentUser user, UUID targetId) {
		requireOther(user, targetId, "mute");
		this.queries.insertMute(user.id(), targetId, this.clock.instant());
		this.signIns.changed(user.id());
		return true;
	}

	@Transactional
	boolean unmute(CurrentUser user, UUID targetId) {
		requireOther(user, targetId, "mute");
		this.queries.deleteMute(user.id(), targetId);
		this.signIns.changed(user.id());
		return false;
	}

	@Transactional(readOnly = true)
	CursorPage<ProfileView> followers(@Nullable CurrentUser viewer, UUID userId, PageParams page) {
		return relations(viewer, userId, page, Side.FOLLOWERS, "followers");
	}

	@Transactional(readOnly = true)
	CursorPage<ProfileView> following(@Nullable CurrentUser viewer, UUID userId, PageParams page) {
		return relations(viewer, userId, page, Side.FOLLOWING, "following");
	}

	/**
	 * Whether either user blocked the other.
	 * @param a one user
	 * @param b the other
	 * @return {@code true} if a block exists in either direction
	 */
	// one statement: no transaction of its own (a caller's is joined)
	public boolean isBlockedEitherWay(UUID a, UUID b) {
		return this.queries.blockedEitherWay(a, b);
	}

	@Override
	// the request's caller's were read with the sign-in; anyone else's are one
	// statement, with no transaction of its own (a caller's is joined)
	public Set<UUID> eitherWay(@Nullable UUID viewerId) {
		if (viewerId == null) {
			return Set.of();
		}
		return CurrentUser.hiddenFromCaller(viewerId)
			.map(HiddenPeople::blockedEitherWay)
			.orElseGet(() -> new HashSet<>(this.queries.blockedEitherWay(viewerId)));
	}

	/**
	 * The users whose whispers a viewer does not want in feeds: muted, or blocked either
	 * way.
	 * @param viewerId the viewer, or {@code null}
	 * @return the users to leave out of the viewer's feeds
	 */
	@Override
	public Set<UUID> mutedOrBlocked(@Nullable UUID viewerId) {
		return hiddenFromFeeds(viewerId);
	}

	// as eitherWay: read with the caller's sign-in, or one statement
	public Set<UUID> hiddenFromFeeds(@Nullable UUID viewerId) {
		if (viewerId == null) {
			return Set.of();
		}
		return CurrentUser.hiddenFromCaller(viewerId)
			.map(HiddenPeople::mutedOrBlocked)
			.orElseGet(() -> new HashSet<>(this.queries.mutedOrBlockedEitherWay(viewerId)));
	}

	private CursorPage<ProfileView> relations(@Nullable CurrentUser viewer, UUID userId, PageParams page, Side side,
			String list) {
		if (!this.profiles.exists(userId)) {
			throw ApiException.notFound("User");
		}
		Keyset after = Keyset.after(this.cursors, list, page);
		Set<UUID> hidden = eitherWay((viewer != null) ? viewer.id() : null);
		List<Relation> rows = this.queries.relations(side, userId, after, hidden, page.fetchSize());
		CursorPage<Relation> slice = CursorPage.of(rows, page,
				(row) -> new Keyset(row.createdAt(), row.id()).encode(this.cursors, list));
		Map<UUID, ProfileView> people = this.profiles
			.publicProfiles(slice.data().stream().map(Relation::otherId).toList());
		return new CursorPage<>(
				slice.data().stream().map(Relation::otherId).filter(people::containsKey).map(people::get).toList(),
				slice.nextCursor());
	}

	private void removeFollow(UUID followerId, UUID followingId) {
		int removed = this.queries.deleteFollow(followerId, followingId);
		if (removed > 0) {
			this.profiles.countFollow(followerId, followingId, -1);
		}
	}

	private void requireOther(CurrentUser user, UUID targetId, String action) {
		if (user.id().equals(targetId)) {
			throw ApiException.invalidField("id", "you cannot " + action + " yourself");
		}
		if (!this.profiles.exists(targetId)) {
			throw ApiException.notFound("User");
		}
	}

}
