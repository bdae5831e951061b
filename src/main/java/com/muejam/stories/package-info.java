/**
 * Stories and chapters: writing drafts, publishing (now or scheduled), soft deletion,
 * tags, markdown rendering with sanitizing, and the public reading lists.
 * <p>
 * One persistence style per aggregate. The Story and Chapter aggregates change their own
 * state through their Spring Data JDBC aggregates ({@code Story}, {@code Chapter},
 * inserted and saved by {@code StoryRepository} and {@code ChapterRepository}; a save
 * writes the mapped columns, nothing is written unless saved), whose guarded methods hold
 * the rules (publishing happens once, a slug stays fixed once published, deleted content
 * stays deleted). {@code JdbcClient} serves what aggregates serve badly: read projections
 * that fetch a whole page in one statement ({@code StoryQueries},
 * {@code ChapterQueries}), and set-based writes that span many rows or must not race with
 * an author's loaded entity, each in the queries class of the table it writes: a
 * moderator's hiding (one column the entities never write, so an edit loaded before the
 * decision cannot undo it), an account's stories going with it, and what a story row
 * keeps derived from its chapters and tags (columns the Story entity does not map):
 * chapter and word counters, the chapters readers can see with the moment the next
 * scheduled one goes live, the tags' names and slugs, and the search document. Tags are
 * rows shared by many stories and are written set-based by {@code TagStore}.
 * <p>
 * A story read is one statement, reading only the story row and its author's
 * {@code user_profiles} (the users module's table, read for the author summary): tags and
 * the readers' chapter count come from the row. A page of stories is one such statement
 * for all its stories; with the in-process cache, it reads the page's positions from the
 * story rows alone instead, takes the stories from the cache, and reads the ones it lacks
 * in one more statement. Only a story whose scheduled chapter went live since its
 * counters were written counts its chapters in a subquery, until
 * {@code ChapterCounterRefresh} (every minute) writes them again; an author reading their
 * own story counts every chapter that is not deleted. Other modules join a story as
 * readers see it into their own pages' statements with the SQL
 * {@code StoryVisibility.visibleStoryJoin} writes, and read it back with
 * {@code StoryVisibility.joinedStories}, so that the story's columns and their mapping
 * stay here (with the in-process cache, the join reads the story's id alone, and the
 * stories come from the cache in the same way).
 * <p>
 * Readers' story reads and chapter reads are cached ({@code StoryCatalog},
 * {@code ChapterCache}); what the author reads of their own work never is. A cached
 * chapter carries its neighbours among the chapters readers can see, which change with
 * time only when the story's next scheduled chapter goes live: it is served until then.
 * Writers evict what they change, within their transaction and once more after it
 * commits: a chapter's edit evicts the chapter and its story; a story's change of rating,
 * its deletion or hiding, and a chapter's publication, deletion or hiding, evict the
 * story and its published chapters; an account's leaving or return empties both caches.
 * The newest stories' first page as anyone signed out sees it is shared whole
 * ({@code FrontPage}); every write to a story that was ever published evicts it, and an
 * account's leaving or return drops it too. Readers put what they read only if nothing
 * was evicted since their read began ({@code core.cache.CacheEvictions}).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "users", "uploads" })
package com.muejam.stories;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
