package com.muejam.social;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
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
import com.muejam.users.ProfileService;
import com.muejam.users.ProfileView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private final ProfileService profiles;

	private final CursorCodec cursors;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SocialService(JdbcClient jdbc, ProfileService profiles, CursorCodec cursors, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.profiles = profiles;
		this.cursors = cursors;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	boolean follow(CurrentUser user, UUID targetId) {
		requireOther(user, targetId, "follow");
		lockPair(user.id(), targetId);
		if (isBlockedEitherWay(user.id(), targetId)) {
			throw ApiException.forbidden("You cannot follow this user");
		}
		int inserted = this.jdbc.sql("""
				insert into follows (follower_id, following_id, created_at) values (:me, :target, :now)
				on conflict do nothing""")
			.param("me", user.id())
			.param("target", targetId)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		if (inserted > 0) {
			this.profiles.countFollow(user.id(), targetId, 1);
			this.events.publishEvent(new UserFollowed(user.id(), targetId));
		}
		return true;
	}

	@Transactional
	boolean unfollow(CurrentUser user, UUID targetId) {
		requireOther(user, targetId, "follow");
		lockPair(user.id(), targetId);
		removeFollow(user.id(), targetId);
		return false;
	}

	@Transactional
	boolean block(CurrentUser user, UUID targetId) {
		requireOther(user, targetId, "block");
		lockPair(user.id(), targetId);
		int inserted = this.jdbc.sql("""
				insert into blocks (blocker_id, blocked_id, created_at) values (:me, :target, :now)
				on conflict do nothing""")
			.param("me", user.id())
			.param("target", targetId)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		removeFollow(user.id(), targetId);
		removeFollow(targetId, user.id());
		if (inserted > 0) {
			this.events.publishEvent(new UserBlocked(user.id(), targetId));
		}
		return true;
	}

	@Transactional
	boolean unblock(CurrentUser user, UUID targetId) {
		requireOther(user, targetId, "block");
		this.jdbc.sql("delete from blocks where blocker_id = :me and blocked_id = :target")
			.param("me", user.id())
			.param("target", targetId)
			.update();
		return false;
	}

	@Transactional
	boolean mute(CurrentUser user, UUID targetId) {
		requireOther(user, targetId, "mute");
		this.jdbc.sql("""
				insert into mutes (muter_id, muted_id, created_at) values (:me, :target, :now)
				on conflict do nothing""")
			.param("me", user.id())
			.param("target", targetId)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		return true;
	}

	@Transactional
	boolean unmute(CurrentUser user, UUID targetId) {
		requireOther(user, targetId, "mute");
		this.jdbc.sql("delete from mutes where muter_id = :me and muted_id = :target")
			.param("me", user.id())
			.param("target", targetId)
			.update();
		return false;
	}

	@Transactional(readOnly = true)
	CursorPage<ProfileView> followers(@Nullable CurrentUser viewer, UUID userId, PageParams page) {
		return relations(viewer, userId, page, "following_id", "follower_id", "followers");
	}

	@Transactional(readOnly = true)
	CursorPage<ProfileView> following(@Nullable CurrentUser viewer, UUID userId, PageParams page) {
		return relations(viewer, userId, page, "follower_id", "following_id", "following");
	}

	/**
	 * Whether either user blocked the other.
	 * @param a one user
	 * @param b the other
	 * @return {@code true} if a block exists in either direction
	 */
	@Transactional(readOnly = true)
	public boolean isBlockedEitherWay(UUID a, UUID b) {
		return this.jdbc.sql("""
				select exists (select 1 from blocks where (blocker_id = :a and blocked_id = :b)
				                                     or (blocker_id = :b and blocked_id = :a))""")
			.param("a", a)
			.param("b", b)
			.query(Boolean.class)
			.single();
	}

	@Override
	@Transactional(readOnly = true)
	public Set<UUID> eitherWay(@Nullable UUID viewerId) {
		if (viewerId == null) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("""
				select blocked_id from blocks where blocker_id = :viewer
				union select blocker_id from blocks where blocked_id = :viewer""")
			.param("viewer", viewerId)
			.query(UUID.class)
			.list());
	}

	/**
	 * The users whose whispers a viewer does not want in feeds: muted, or blocked either
	 * way.
	 * @param viewerId the viewer, or {@code null}
	 * @return the users to leave out of the viewer's feeds
	 */
	@Transactional(readOnly = true)
	public Set<UUID> hiddenFromFeeds(@Nullable UUID viewerId) {
		if (viewerId == null) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("""
				select blocked_id from blocks where blocker_id = :viewer
				union select blocker_id from blocks where blocked_id = :viewer
				union select muted_id from mutes where muter_id = :viewer""")
			.param("viewer", viewerId)
			.query(UUID.class)
			.list());
	}

	private CursorPage<ProfileView> relations(@Nullable CurrentUser viewer, UUID userId, PageParams page,
			String ownerColumn, String otherColumn, String list) {
		if (!this.profiles.exists(userId)) {
			throw ApiException.notFound("User");
		}
		Keyset after = (page.cursor() != null) ? Keyset.decode(this.cursors, list, page.cursor()) : null;
		Set<UUID> hidden = eitherWay((viewer != null) ? viewer.id() : null);
		List<Relation> rows = this.jdbc
			.sql("""
					select id, %2$s as other_id, created_at from follows where %1$s = :user %3$s %4$s
					order by created_at desc, id desc limit :limit""".formatted(ownerColumn, otherColumn,
					Keyset.seekDescending(after, "created_at, id"),
					hidden.isEmpty() ? "" : "and " + otherColumn + " <> all(:hidden)"))
			.param("user", userId)
			.param("limit", page.fetchSize())
			.params(Keyset.params(after))
			.params(hidden.isEmpty() ? Map.of() : Map.of("hidden", hidden.toArray(UUID[]::new)))
			.query((rs, n) -> new Relation(rs.getObject("id", UUID.class), rs.getObject("other_id", UUID.class),
					rs.getTimestamp("created_at").toInstant()))
			.list();
		CursorPage<Relation> slice = CursorPage.of(rows, page,
				(row) -> new Keyset(row.createdAt(), row.id()).encode(this.cursors, list));
		Map<UUID, ProfileView> people = this.profiles
			.publicProfiles(slice.data().stream().map(Relation::otherId).toList());
		return new CursorPage<>(
				slice.data().stream().map(Relation::otherId).filter(people::containsKey).map(people::get).toList(),
				slice.nextCursor());
	}

	private void removeFollow(UUID followerId, UUID followingId) {
		int removed = this.jdbc.sql("delete from follows where follower_id = :follower and following_id = :following")
			.param("follower", followerId)
			.param("following", followingId)
			.update();
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

	/**
	 * Serializes writes on one pair of users until the transaction ends.
	 */
	private void lockPair(UUID a, UUID b) {
		String key = (a.compareTo(b) < 0) ? a + ":" + b : b + ":" + a;
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", key).query().singleRow();
	}

	private record Relation(UUID id, UUID otherId, Instant createdAt) {
	}

}
