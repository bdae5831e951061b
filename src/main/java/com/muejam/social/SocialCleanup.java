package com.muejam.social;

import java.util.List;
import java.util.UUID;

import com.muejam.users.ProfileService;
import com.muejam.users.UserDeleted;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A deleted account leaves the social graph: its follows (with the counters of the other
 * side), blocks and mutes go.
 */
@Component
class SocialCleanup {

	private final JdbcClient jdbc;

	private final ProfileService profiles;

	SocialCleanup(JdbcClient jdbc, ProfileService profiles) {
		this.jdbc = jdbc;
		this.profiles = profiles;
	}

	@ApplicationModuleListener
	void on(UserDeleted event) {
		UUID user = event.userId();
		List<Pair> follows = this.jdbc.sql("""
				delete from follows where follower_id = :user or following_id = :user
				returning follower_id, following_id""")
			.param("user", user)
			.query((rs, n) -> new Pair(rs.getObject("follower_id", UUID.class),
					rs.getObject("following_id", UUID.class)))
			.list();
		follows.forEach((pair) -> this.profiles.countFollow(pair.follower(), pair.following(), -1));
		this.jdbc.sql("delete from blocks where blocker_id = :user or blocked_id = :user").param("user", user).update();
		this.jdbc.sql("delete from mutes where muter_id = :user or muted_id = :user").param("user", user).update();
	}

	private record Pair(UUID follower, UUID following) {
	}

}
