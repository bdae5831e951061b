package com.muejam.highlights;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.muejam.stories.ChapterRevised;
import com.muejam.stories.ChapterService;
import com.muejam.stories.ChapterText;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate transactions;

	private final ChapterService chapters;

	private final HighlightSettings properties;

	HighlightReanchoring(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions,
			ChapterService chapters, HighlightSettings properties) {
		this.jdbc = jdbc;
		this.template = template;
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
			batch = batchAfter(revised.chapterId(), after);
			List<Object[]> moved = new ArrayList<>();
			List<Object[]> orphaned = new ArrayList<>();
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
						moved.add(new Object[] { now.start(), now.end(), now.prefix(), now.suffix(), highlight.id() });
					}
				}
				else if (!highlight.orphaned()) {
					orphaned.add(new Object[] { highlight.id() });
				}
				after = highlight.id();
			}
			write(moved, orphaned);
		}
		while (batch.size() == BATCH);
	}

	private List<Stored> batchAfter(UUID chapterId, UUID after) {
		return this.jdbc.sql("""
				select id, start_offset, end_offset, quote, prefix, suffix, orphaned from highlights
				where chapter_id = :chapter and id > :after order by id limit :limit""")
			.param("chapter", chapterId)
			.param("after", after)
			.param("limit", BATCH)
			.query((rs, n) -> new Stored(rs.getObject("id", UUID.class),
					new Anchor(rs.getInt("start_offset"), rs.getInt("end_offset"), rs.getString("quote"),
							rs.getString("prefix"), rs.getString("suffix")),
					rs.getBoolean("orphaned")))
			.list();
	}

	private void write(List<Object[]> moved, List<Object[]> orphaned) {
		if (moved.isEmpty() && orphaned.isEmpty()) {
			return;
		}
		this.transactions.executeWithoutResult((tx) -> {
			batchUpdate("""
					update highlights set start_offset = ?, end_offset = ?, prefix = ?, suffix = ?, orphaned = false,
					updated_at = now() where id = ?""", moved);
			batchUpdate("update highlights set orphaned = true, updated_at = now() where id = ?", orphaned);
		});
	}

	private void orphanRest(UUID chapterId, UUID after) {
		int rest = this.jdbc.sql("""
				update highlights set orphaned = true, updated_at = now()
				where chapter_id = :chapter and id > :after and not orphaned""")
			.param("chapter", chapterId)
			.param("after", after)
			.update();
		log.warn("Re-anchoring chapter {} ran out of its {} budget; {} highlights left orphaned until the next edit",
				chapterId, this.properties.reanchorBudget(), rest);
	}

	private void batchUpdate(String sql, List<Object[]> rows) {
		if (!rows.isEmpty()) {
			this.template.batchUpdate(sql, rows);
		}
	}

	private record Stored(UUID id, Anchor anchor, boolean orphaned) {
	}

}
