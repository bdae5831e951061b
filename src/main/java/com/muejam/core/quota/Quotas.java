package com.muejam.core.quota;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much one user may store. A write past a limit answers 409 {@code QUOTA_EXCEEDED}
 * ({@link QuotaExceeded}). Each check is folded into the statement that writes (or is one
 * indexed count), so it costs next to nothing.
 *
 * @param highlightsPerChapter highlights of one reader in one chapter
 * @param bookmarksPerChapter bookmarks of one reader in one chapter
 * @param shelves shelves of one reader
 * @param itemsPerShelf stories on one shelf
 * @param stories stories of one author, drafts and published (deleted ones not counted)
 * @param chaptersPerStory chapters of one story (deleted ones not counted)
 * @param newTagsPerDay tags one user may create (by naming them first) in one UTC day
 */
@ConfigurationProperties("muejam.quotas")
public record Quotas(@DefaultValue("200") int highlightsPerChapter, @DefaultValue("100") int bookmarksPerChapter,
		@DefaultValue("50") int shelves, @DefaultValue("1000") int itemsPerShelf, @DefaultValue("500") int stories,
		@DefaultValue("1000") int chaptersPerStory, @DefaultValue("50") int newTagsPerDay) {

}
