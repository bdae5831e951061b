package com.muejam.core.visibility;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who a viewer must not see, and who must not see them: users they blocked and users who
 * blocked them. Lists, feeds and searches leave these users' content out (seed property
 * 18). Implemented by the social module; content modules depend only on this.
 */
public interface BlockedUsers {

	/**
	 * The users in a block relation with the viewer, either way.
	 * @param viewerId the viewer, or {@code null} for an anonymous request
	 * @return the users to leave out; empty for anonymous viewers
	 */
	Set<UUID> eitherWay(@Nullable UUID viewerId);

	/**
	 * The users whose stories a viewer's lists, feeds and searches leave out: those in a
	 * block relation with the viewer, either way, and those the viewer muted.
	 * @param viewerId the viewer, or {@code null} for an anonymous request
	 * @return the users to leave out; empty for anonymous viewers
	 */
	Set<UUID> mutedOrBlocked(@Nullable UUID viewerId);

}
