package com.muejam.social;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.pagination.Keyset;
import com.muejam.core.visibility.HiddenPeople;
import com.muejam.core.visibility.HiddenPeopleColumns;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the social graph: follows, blocks and mutes, the lock that serializes writes
 * on a pair of users, the pages of followers and following, a deleted account's cleanup,
 * and the columns that read who is hidden from a user with their sign-in.
 */
@Component
final class SocialQueries implements HiddenPeopleColumns {

	private final JdbcClient jdbc;

	SocialQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String columns(String userId) {
		return """
				array(select b.blocked_id from blocks b where b.blocker_id = %1$s
				      union select b.blocker_id from blocks b where b.blocked_id = %1$s) as hidden_blocked,
				array(select m.muted_id from mutes m where m.muter_id = %1$s) as hidden_muted""".formatted(userId);
	}

	@Override
	public HiddenPeople read(ResultSet row) throws SQLException {
		return new HiddenPeople(Set.copyOf(Arrays.asList((UUID[]) row.getArray("hidden_blocked").getArray())),
				Set.copyOf(Arrays.asList((UUID[]) row.getArray("hidden_muted").getArray())));
	}

	/**
	 * Serializes writes on one pair of users until the transaction ends.
	 * @param a one user
	 * @param b the other
	 */
	void lockPair(UUID a, UUID b) {
		String key = (a.compareTo(b) < 0) ? a + ":" + b : b + ":" + a;
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", key).query().singleRow();
	}

	/**
	 * Inserts a follow unless it exists.
	 * @return rows inserted: zero when it existed
	 */
	int insertFollow(UUID followerId, UUID followingId, Instant now) {
		return this.jdbc.sql("""
				insert into follows (follower_id, following_id, created_at) values (:me, :target, :now)
				on conflict do nothing""")
			.param("me", followerId)
			.param("target", followingId)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Deletes a follow.
	 * @return rows deleted
	 */
	int deleteFollow(UUID followerId, UUID followingId) {
		return this.jdbc.sql("delete from follows where follower_id = :follower and following_id = :following")
			.param("follower", followerId)
			.param("following", followingId)
			.update();
	}

	/**
	 * Inserts a block unless it exists.
	 * @return rows inserted: zero when it existed
	 */
	int insertBlock(UUID blockerId, UUID blockedId, Instant now) {
		return this.jdbc.sql("""
				insert into blocks (blocker_id, blocked_id, created_at) values (:me, :target, :now)
				on conflict do nothing""")
			.param("me", blockerId)
			.param("target", blockedId)
			.param("now", Timestamp.from(now))
			.update();
	}

	void deleteBlock(UUID blockerId, UUID blockedId) {
		this.jdbc.sql("delete from blocks where blocker_id = :me and blocked_id = :target")
			.param("me", blockerId)
			.param("target", blockedId)
			.update();
	}

	void insertMute(UUID muterId, UUID mutedId, Instant now) {
		this.jdbc.sql("""
				insert into mutes (muter_id, muted_id, created_at) values (:me, :target, :now)
				on conflict do nothing""")
			.param("me", muterId)
			.param("target", mutedId)
			.param("now", Timestamp.from(now))
			.update();
	}

	void deleteMute(UUID muterId, UUID mutedId) {
		this.jdbc.sql("delete from mutes where muter_id = :me and muted_id = :target")
			.param("me", muterId)
			.param("target", mutedId)
			.update();
	}

	boolean blockedEitherWay(UUID a, UUID b) {
		return this.jdbc.sql("""
				select exists (select 1 from blocks where (blocker_id = :a and blocked_id = :b)
				                                     or (blocker_id = :b and blocked_id = :a))""")
			.param("a", a)
			.param("b", b)
			.query(Boolean.class)
			.single();
	}

	/**
	 * The users a viewer blocked or was blocked by.
	 * @param viewerId the viewer
	 * @return the other users of the viewer's blocks, either way
	 */
	List<UUID> blockedEitherWay(UUID viewerId) {
		return this.jdbc.sql("""
				select blocked_id from blocks where blocker_id = :viewer
				union select blocker_id from blocks where blocked_id = :viewer""")
			.param("viewer", viewerId)
			.query(UUID.class)
			.list();
	}

	/**
	 * The users a viewer muted or blocked, or was blocked by.
	 * @param viewerId the viewer
	 * @return the users to leave out of the viewer's feeds
	 */
	List<UUID> mutedOrBlockedEitherWay(UUID viewerId) {
		return this.jdbc.sql("""
				select blocked_id from blocks where blocker_id = :viewer
				union select blocker_id from blocks where blocked_id = :viewer
				union select muted_id from mutes where muter_id = :viewer""")
			.param("viewer", viewerId)
			.query(UUID.class)
			.list();
	}

	/**
	 * A page of one side of a user's follows, newest first.
	 * @param side whose follows: the user's followers or the users they follow
	 * @param userId the user
	 * @param after the position to continue after, or {@code null}
	 * @param hidden users to leave out
	 * @param limit rows to fetch
	 * @return the follows
	 */
	List<Relation> relations(Side side, UUID userId, @Nullable Keyset after, Set<UUID> hidden, int limit) {
		return this.jdbc
			.sql("""
					select id, %2$s as other_id, created_at from follows
					where %1$s = :user and %2$s <> all(:hidden) %3$s
					order by created_at desc, id desc limit :limit""".formatted(side.ownerColumn, side.otherColumn,
					Keyset.seekDescending(after, "created_at, id")))
			.param("user", userId)
			.param("limit", limit)
			.params(Keyset.params(after))
			.param("hidden", hidden.toArray(UUID[]::new))
			.query((rs, n) -> new Relation(rs.getObject("id", UUID.class), rs.getObject("other_id", UUID.class),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/**
	 * Deletes every follow of a user, either way.
	 * @param userId the user
	 * @return the deleted follows
	 */
	List<Follow> deleteFollowsOf(UUID userId) {
		return this.jdbc.sql("""
				delete from follows where follower_id = :user or following_id = :user
				returning follower_id, following_id""")
			.param("user", userId)
			.query((rs, n) -> new Follow(rs.getObject("follower_id", UUID.class),
					rs.getObject("following_id", UUID.class)))
			.list();
	}

	void deleteBlocksOf(UUID userId) {
		this.jdbc.sql("delete from blocks where blocker_id = :user or blocked_id = :user")
			.param("user", userId)
			.update();
	}

	void deleteMutesOf(UUID userId) {
		this.jdbc.sql("delete from mutes where muter_id = :user or muted_id = :user").param("user", userId).update();
	}

	/**
	 * Which side of a user's follows a list shows.
	 */
	enum Side {

		/** The users following the user. */
		FOLLOWERS("following_id", "follower_id"),

		/** The users the user follows. */
		FOLLOWING("follower_id", "following_id");

		private final String ownerColumn;

		private final String otherColumn;

		Side(String ownerColumn, String otherColumn) {
			this.ownerColumn = ownerColumn;
			this.otherColumn = otherColumn;
		}

	}

	/**
	 * One follow in a list.
	 *
	 * @param id the follow
	 * @param otherId the user on the other side
	 * @param createdAt when it was made
	 */
	record Relation(UUID id, UUID otherId, Instant createdAt) {
	}

	/**
	 * A follow.
	 *
	 * @param follower who follows
	 * @param following who is followed
	 */
	record Follow(UUID follower, UUID following) {
	}

}
