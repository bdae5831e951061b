package com.muejam.highlights;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.muejam.highlights.HighlightQueries.Stored;
import com.muejam.stories.ChapterRevised;
import com.muejam.stories.ChapterService;
import com.muejam.stories.ChapterText;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After an author edits a chapter, moves every highlight in it to where its words now
 * are, or marks it orphaned when they are gone (and un-orphans it if they come back).
 * Each highlight costs work linear in the chapter's length ({@link Anchor#reanchor}); the
 * highlights are read and written in batches, each write its own short transaction (no
 * connection is held while anchors are computed), and the whole run stops at its time
 * budget, marking the highlights it did not reach orphaned until the next edit.
 */
@Component
class HighlightReanchoring {

	private static final Logger log = LoggerFactory.getLogger(HighlightReanchoring.class);

	private static final int BATCH = 200;

	private final HighlightQueries queries;

	private final TransactionTemplate transactions;

	private final ChapterService chapters;

	private final HighlightSettings properties;

	HighlightReanchoring(HighlightQueries queries, TransactionTemplate transactions, ChapterService chapters,
			HighlightSettings properties) {
		this.queries = queries;
		this.transactions = transactions;
		this.chapters = chapters;
		this.properties = properties;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ChapterRevised revised) {
		Optional<ChapterText> chapter = this.chapters.currentText(revised.chapterId());
		if (chapter.isEmpty()) {
			return;
		}
		String text = chapter.get().content();
		long deadline = System.nanoTime() + this.properties.reanchorBudget().toNanos();
		UUID after = new UUID(0, 0);
		List<Stored> batch;
		do {
			batch = this.queries.batchAfter(revised.chapterId(), after, BATCH);
			List<Stored> moved = new ArrayList<>();
			List<UUID> orphaned = new ArrayList<>();
			for (Stored highlight : batch) {
				if (System.nanoTime() - deadline > 0) {
					write(moved, orphaned);
					orphanRest(revised.chapterId(), after);
					return;
				}
				Optional<Anchor> anchor = highlight.anchor().reanchor(text);
				if (anchor.isPresent()) {
					Anchor now = anchor.get();
					if (highlight.orphaned() || !now.equals(highlight.anchor())) {
						moved.add(new Stored(highlight.id(), now, false));
					}
				}
				else if (!highlight.orphaned()) {
					orphaned.add(highlight.id());
				}
				after = highlight.id();
			}
			write(moved, orphaned);
		}
		while (batch.size() == BATCH);
	}

	private void write(List<Stored> moved, List<UUID> orphaned) {
		if (moved.isEmpty() && orphaned.isEmpty()) {
			return;
		}
		this.transactions.executeWithoutResult((tx) -> {
			this.queries.moveAll(moved);
			this.queries.orphanAll(orphaned);
		});
	}

	private void orphanRest(UUID chapterId, UUID after) {
		int rest = this.queries.orphanAfter(chapterId, after);
		log.warn("Re-anchoring chapter {} ran out of its {} budget; {} highlights left orphaned until the next edit",
				chapterId, this.properties.reanchorBudget(), rest);
	}

}
