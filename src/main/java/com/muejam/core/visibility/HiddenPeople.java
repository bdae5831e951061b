package com.muejam.core.visibility;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The people a signed-in reader does not see, as read with their sign-in: those in a
 * block with them, either way, and those they muted. A request asks for these many times
 * (a list, its stories, a story's author); reading them with the sign-in saves each
 * request a statement. What a request changes itself is not seen by it.
 *
 * @param blockedEitherWay users the reader blocked or was blocked by
 * @param muted users the reader muted
 */
public record HiddenPeople(Set<UUID> blockedEitherWay, Set<UUID> muted) {

	public HiddenPeople {
		blockedEitherWay = Set.copyOf(blockedEitherWay);
		muted = Set.copyOf(muted);
	}

	/**
	 * Whose stories and whispers the reader's lists, feeds and searches leave out.
	 * @return the blocked, either way, and the muted
	 */
	public Set<UUID> mutedOrBlocked() {
		if (this.muted.isEmpty()) {
			return this.blockedEitherWay;
		}
		Set<UUID> both = new HashSet<>(this.blockedEitherWay);
		both.addAll(this.muted);
		return Set.copyOf(both);
	}

}
