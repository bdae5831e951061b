/**
 * The social graph: follows, blocks and mutes between users, the follower lists, and who
 * is hidden from whom. For a request's own signed-in caller, who is hidden from them was
 * read with the sign-in, by columns this module writes ({@code SocialQueries} as
 * {@code HiddenPeopleColumns}) into the users module's statement; {@code SocialService}
 * reads them for anyone else. Each block, unblock, mute and unmute tells the users
 * module's {@code SignInMemory}, so that every instance forgets the sign-ins it changed
 * once it commits.
 */
@NullMarked
@ApplicationModule(allowedDependencies = "users")
package com.muejam.social;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
