package com.muejam.stories;

import java.util.List;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.QueryInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;
import com.muejam.support.QueryPlans;
import com.muejam.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a page of a tag's stories costs does not grow with the number of stories: a tag on
 * most stories and a tag on one old story both read about a page of story rows, whichever
 * plan PostgreSQL keeps for the statement.
 */
@IntegrationTest
class TagListCostTests {

	private static final int STORIES = 3000;

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatementCounter statements;

	@Autowired
	DataSource dataSource;

	/**
	 * Many published stories, newest first, all tagged "common"; the oldest is also
	 * tagged "rare". Written in SQL, as the writers would have left them (tags in
	 * {@code story_tags} and on the story row, counted on the tag), then analyzed.
	 */
	@BeforeEach
	void manyStoriesOneRareTag() {
		this.fixtures.me("user_prolific");
		this.jdbc
			.sql("""
					insert into tags (name, slug, story_count) values ('Common', 'common', :stories), ('Rare', 'rare', 1)""")
			.param("stories", STORIES)
			.update();
		this.jdbc
			.sql("""
					insert into stories (slug, title, blurb, author_id, published, published_at, created_at, updated_at,
					                     tag_names, tag_slugs)
					select 'bulk-' || g, 'Bulk ' || g, 'A story.', p.id, true, now() - g * interval '1 minute', now(), now(),
					       case when g = :stories then '{Common,Rare}'::text[] else '{Common}' end,
					       case when g = :stories then '{common,rare}'::text[] else '{common}' end
					from generate_series(1, :stories) g cross join user_profiles p""")
			.param("stories", STORIES)
			.update();
		this.jdbc.sql("""
				insert into story_tags (story_id, tag_id)
				select s.id, t.id from stories s join tags t on t.slug = any(s.tag_slugs)""").update();
		this.jdbc.sql("analyze").update();
	}

	@Test
	void aPageOfACommonOrARareTagReadsAboutAPageOfStories() {
		assertPageReadsFewStories("common", 20);
		assertPageReadsFewStories("rare", 1);
	}

	private void assertPageReadsFewStories(String tag, int shown) {
		String path = "/v1/stories?page_size=20&tag=" + tag;
		List<QueryInfo> statements = this.statements.capture(() -> {
			Api.Reply reply = this.api.get(path).send();
			assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
			assertThat(reply.json().path("data").size()).as(path).isEqualTo(shown);
		});
		assertThat(statements).as(path).hasSize(1);
		// run as the pool runs it, past the point where PostgreSQL keeps one plan for it
		assertThat(QueryPlans.rowsReadWhenReused(this.dataSource, statements.get(0), "stories", 8)).as(path)
			.isLessThanOrEqualTo(100);
	}

}
