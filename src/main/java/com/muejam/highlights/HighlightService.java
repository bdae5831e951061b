package com.muejam.highlights;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.muejam.core.error.ApiException;
import com.muejam.core.pagination.CursorCodec;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.Keyset;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.quota.QuotaExceeded;
import com.muejam.core.quota.Quotas;
import com.muejam.core.security.CurrentUser;
import com.muejam.stories.ChapterPlace;
import com.muejam.stories.ChapterText;
import com.muejam.stories.StoryVisibility;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Highlights in chapters the reader can see (not across a block); each reader sees and
 * deletes only their own, and keeps at most {@code muejam.quotas.highlights-per-chapter}
 * in one chapter.
 */
@Service
public class HighlightService {

	private static final String LIST = "highlights";

	private final HighlightQueries queries;

	private final StoryVisibility visibility;

	private final CursorCodec cursors;

	private final Quotas quotas;

	private final Clock clock;

	HighlightService(HighlightQueries queries, StoryVisibility visibility, CursorCodec cursors, Quotas quotas,
			Clock clock) {
		this.queries = queries;
		this.visibility = visibility;
		this.cursors = cursors;
		this.quotas = quotas;
		this.clock = clock;
	}

	@Transactional
	HighlightView create(CurrentUser user, UUID chapterId, int start, int end) {
		ChapterText chapter = readable(user, chapterId);
		Anchor anchor = Anchor.of(chapter.content(), start, end);
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		if (!this.queries.insertWithin(id, user.id(), chapter.id(), anchor, now, this.quotas.highlightsPerChapter())) {
			throw new QuotaExceeded("highlights_per_chapter", this.quotas.highlightsPerChapter(),
					"highlights in this chapter");
		}
		return new HighlightView(id, chapter.id(), anchor.start(), anchor.end(), anchor.quote(), false, now);
	}

	@Transactional(readOnly = true)
	CursorPage<HighlightView> list(CurrentUser user, UUID chapterId, PageParams page) {
		ChapterPlace chapter = this.visibility.readablePlace(user.id(), chapterId)
			.orElseThrow(() -> ApiException.notFound("Chapter"));
		Keyset after = Keyset.after(this.cursors, LIST, page);
		List<HighlightView> rows = this.queries.page(user.id(), chapter.id(), after, page.fetchSize());
		return CursorPage.of(rows, page,
				(highlight) -> new Keyset(highlight.createdAt(), highlight.id()).encode(this.cursors, LIST));
	}

	@Transactional
	void delete(CurrentUser user, UUID highlightId) {
		if (!this.queries.delete(user.id(), highlightId)) {
			throw ApiException.notFound("Highlight");
		}
	}

	/**
	 * A highlight, for modules that refer to it (a whisper about a passage).
	 * @param highlightId the highlight
	 * @return the highlight, empty if unknown
	 */
	@Transactional(readOnly = true)
	public Optional<HighlightRef> find(UUID highlightId) {
		return this.queries.find(highlightId);
	}

	private ChapterText readable(CurrentUser user, UUID chapterId) {
		return this.visibility.readableChapter(user.id(), chapterId)
			.orElseThrow(() -> ApiException.notFound("Chapter"));
	}

}
