package com.muejam.library;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.muejam.support.IntegrationTest;
import com.muejam.support.ScratchDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V38 on a database migrated up to V37: each story's latest position takes the chapter
 * and offset of the position it points at, so the reading list shows what it showed
 * before.
 */
@IntegrationTest
class StoryProgressMigrationTests {

	@RegisterExtension
	final ScratchDatabase database = new ScratchDatabase("before_v38");

	@Test
	void eachStorysLatestPositionTakesTheChapterAndOffsetItPointsAt() {
		this.database.migrateTo("37");
		JdbcClient before = this.database.jdbc();
		// a reader with positions in two chapters of one story, the second the latest
		before.sql("""
				with author as (
				    insert into user_profiles (clerk_user_id, handle, display_name)
				    values ('user_a', 'author', 'Author'), ('user_r', 'reader', 'Reader') returning id, handle),
				story as (
				    insert into stories (slug, title, blurb, author_id)
				    select 'story', 'Story', 'A story.', id from author where handle = 'author' returning id),
				chapter as (
				    insert into chapters (story_id, chapter_number, title, content, text_length)
				    select story.id, n, 'Chapter ' || n, 'text', 100 from story, generate_series(1, 2) n
				    returning id, story_id, chapter_number),
				progress as (
				    insert into reading_progress (user_id, chapter_id, story_id, char_offset, updated_at)
				    select author.id, chapter.id, chapter.story_id, 10 * chapter.chapter_number,
				           now() - (3 - chapter.chapter_number) * interval '1 hour'
				    from author, chapter where author.handle = 'reader' returning id, user_id, story_id, updated_at)
				insert into story_progress (user_id, story_id, progress_id, updated_at)
				select user_id, story_id, id, updated_at from progress order by updated_at desc limit 1""").update();

		this.database.migrateTo("38");

		assertThat(before
			.sql("""
					select c.chapter_number, sp.char_offset from story_progress sp join chapters c on c.id = sp.chapter_id""")
			.query()
			.singleRow()).isEqualTo(Map.of("chapter_number", 2, "char_offset", 20));
	}

}
