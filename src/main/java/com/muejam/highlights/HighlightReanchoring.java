package com.muejam.highlights;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.muejam.stories.ChapterRevised;
import com.muejam.stories.ChapterService;
import com.muejam.stories.ChapterText;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After an author edits a chapter, moves every highlight in it to where its words now
 * are, or marks it orphaned when they are gone (and un-orphans it if they come back).
 */
@Component
class HighlightReanchoring {

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final ChapterService chapters;

	HighlightReanchoring(JdbcClient jdbc, JdbcTemplate template, ChapterService chapters) {
		this.jdbc = jdbc;
		this.template = template;
		this.chapters = chapters;
	}

	@ApplicationModuleListener
	void on(ChapterRevised revised) {
		Optional<ChapterText> chapter = this.chapters.currentText(revised.chapterId());
		if (chapter.isEmpty()) {
			return;
		}
		String text = chapter.get().content();
		UUID after = new UUID(0, 0);
		List<Stored> batch;
		do {
			batch = this.jdbc.sql("""
					select id, start_offset, end_offset, quote, prefix, suffix, orphaned from highlights
					where chapter_id = :chapter and id > :after order by id limit :limit""")
				.param("chapter", revised.chapterId())
				.param("after", after)
				.param("limit", BATCH)
				.query((rs, n) -> new Stored(rs.getObject("id", UUID.class),
						new Anchor(rs.getInt("start_offset"), rs.getInt("end_offset"), rs.getString("quote"),
								rs.getString("prefix"), rs.getString("suffix")),
						rs.getBoolean("orphaned")))
				.list();
			List<Object[]> moved = new ArrayList<>();
			List<Object[]> orphaned = new ArrayList<>();
			for (Stored highlight : batch) {
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
			batchUpdate("""
					update highlights set start_offset = ?, end_offset = ?, prefix = ?, suffix = ?, orphaned = false,
					updated_at = now() where id = ?""", moved);
			batchUpdate("update highlights set orphaned = true, updated_at = now() where id = ?", orphaned);
		}
		while (batch.size() == BATCH);
	}

	private void batchUpdate(String sql, List<Object[]> rows) {
		if (!rows.isEmpty()) {
			this.template.batchUpdate(sql, rows);
		}
	}

	private record Stored(UUID id, Anchor anchor, boolean orphaned) {
	}

}
