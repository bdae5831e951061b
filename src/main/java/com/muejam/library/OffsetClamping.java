package com.muejam.library;

import com.muejam.stories.ChapterRevised;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After an author edits a chapter, progress and bookmarks past its new end move to the
 * end.
 */
@Component
class OffsetClamping {

	private final JdbcClient jdbc;

	OffsetClamping(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(ChapterRevised revised) {
		for (String table : new String[] { "reading_progress", "bookmarks" }) {
			this.jdbc
				.sql("update " + table
						+ " set char_offset = :length where chapter_id = :chapter and char_offset > :length")
				.param("length", revised.length())
				.param("chapter", revised.chapterId())
				.update();
		}
	}

}
