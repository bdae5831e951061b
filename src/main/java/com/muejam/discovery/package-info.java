/**
 * Discovery: the New, Trending and For You feeds, built from reading, saving, liking,
 * whispering and following signals. Ranks in set-based SQL over the stories' tables (read
 * only). Signals wait in the shared {@code signal_inbox} (the core's), appended with the
 * action that made them (the library's saves and reads in the statement that makes them,
 * likes and story whispers by this module's listener in their transaction), until
 * {@link com.muejam.discovery.SignalInbox} counts them in batches.
 * <p>
 * Reads of other modules' tables, all read-only and set-based (one statement per ranking,
 * which a per-story call through the owners' services would turn into N queries): from
 * the stories module, {@code stories} (with its exported visibility rule,
 * {@code StoryVisibility.VISIBLE_STORY_SQL} and {@code visibleStorySqlAt}),
 * {@code story_tags} and {@code tags}; from library, {@code shelves} and
 * {@code shelf_items} (a reader's saved stories leave the For You candidates); from
 * users, {@code user_profiles} (the author's handle on a ranked item; whether a signal's
 * reader is suspended). Authors' statistics read {@code chapters} (a story's published
 * chapters, for the funnel; a first read's chapter, which must still be there).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "stories", "library", "whispers", "social", "users" })
package com.muejam.discovery;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
