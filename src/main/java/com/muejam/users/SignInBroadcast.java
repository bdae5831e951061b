package com.muejam.users;

import java.util.Set;
import java.util.UUID;

/**
 * Tells the other instances which users' sign-in state changed, so that their
 * {@link SignInMemory} forgets them too. Only with Redis
 * ({@link SignInBroadcastConfiguration}); a single instance has nobody to tell.
 */
@FunctionalInterface
interface SignInBroadcast {

	/**
	 * Sends the users to every instance, this one included; best effort.
	 * @param users the users whose sign-in state changed
	 */
	void publish(Set<UUID> users);

}
