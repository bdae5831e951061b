package com.muejam.social;

import java.util.UUID;

import com.muejam.users.ProfileService;
import com.muejam.users.UserDeleted;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A deleted account leaves the social graph: its follows (with the counters of the other
 * side), blocks and mutes go.
 */
@Component
class SocialCleanup {

	private final SocialQueries queries;

	private final ProfileService profiles;

	SocialCleanup(SocialQueries queries, ProfileService profiles) {
		this.queries = queries;
		this.profiles = profiles;
	}

	@ApplicationModuleListener
	void on(UserDeleted event) {
		UUID user = event.userId();
		this.queries.deleteFollowsOf(user)
			.forEach((follow) -> this.profiles.countFollow(follow.follower(), follow.following(), -1));
		this.queries.deleteBlocksOf(user);
		this.queries.deleteMutesOf(user);
	}

}
