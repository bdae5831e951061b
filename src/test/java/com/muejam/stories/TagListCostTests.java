package com.muejam.stories;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.QueryInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.muejam.core.visibility.ReaderPreferences;
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
 * every story, a tag on every 40th and a tag on one old story all read about a page of
 * rows from {@code story_tags} and from {@code stories}, whichever plan PostgreSQL keeps
 * for the statement; and a tag's pages, followed by their cursors, hold its stories.
 */
@IntegrationTest
class TagListCostTests {

	private static final int STORIES = 3000;

	/** The "middling" tag is on every this many stories. */
	private static final int MIDDLING_EVERY = 40;

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

	@Autowired
	StoryQueries queries;

	/**
	 * Many published stories, newest first, all tagged "common", every 40th "middling";
	 * the oldest is also tagged "rare". Written in SQL, as the writers would have left
	 * them (tags in {@code story_tags}, where a trigger copies the story's
	 * {@code published_at}, and on the story row, counted on the tag), then analyzed.
	 */
	@BeforeEach
	void manyStoriesOneRareTag() {
		this.fixtures.me("user_prolific");
		this.jdbc
			.sql("""
					insert into tags (name, slug, story_count)
					values ('Common', 'common', :stories), ('Middling', 'middling', :stories / :every), ('Rare', 'rare', 1)""")
			.param("stories", STORIES)
			.param("every", MIDDLING_EVERY)
			.update();
		this.jdbc
			.sql("""
					insert into stories (slug, title, blurb, author_id, published, published_at, created_at, updated_at,
					                     tag_names, tag_slugs)
					select 'bulk-' || g, 'Bulk ' || g, 'A story.', p.id, true, now() - g * interval '1 minute', now(), now(),
					       array['Common'] || case when g % :every = 0 then '{Middling}'::text[] else '{}' end
					                       || case when g = :stories then '{Rare}'::text[] else '{}' end,
					       array['common'] || case when g % :every = 0 then '{middling}'::text[] else '{}' end
					                       || case when g = :stories then '{rare}'::text[] else '{}' end
					from generate_series(1, :stories) g cross join user_profiles p""")
			.param("stories", STORIES)
			.param("every", MIDDLING_EVERY)
			.update();
		this.jdbc.sql("""
				insert into story_tags (story_id, tag_id)
				select s.id, t.id from stories s join tags t on t.slug = any(s.tag_slugs)""").update();
		this.jdbc.sql("analyze").update();
	}

	@Test
	void aPageOfACommonAMiddlingOrARareTagReadsAboutAPageOfStories() {
		assertPageReadsAboutAPage("common", 20);
		assertPageReadsAboutAPage("middling", 20);
		assertPageReadsAboutAPage("rare", 1);
	}

	@Test
	void aTagsPagesHoldEachOfItsStoriesOnceNewestFirst() {
		List<String> slugs = new ArrayList<>();
		String cursor = null;
		do {
			Api.Reply page = this.api
				.get("/v1/stories?page_size=30&tag=middling" + ((cursor != null) ? "&cursor=" + cursor : ""))
				.send();
			assertThat(page.status()).as(page.toString()).isEqualTo(200);
			page.json().path("data").forEach((story) -> slugs.add(story.path("slug").asString()));
			cursor = page.json().path("next_cursor").asString(null);
		}
		while (cursor != null);
		assertThat(slugs).containsExactlyElementsOf(IntStream.rangeClosed(1, STORIES / MIDDLING_EVERY)
			.mapToObj((n) -> "bulk-" + n * MIDDLING_EVERY)
			.toList());
	}

	private void assertPageReadsAboutAPage(String tag, int shown) {
		String path = "/v1/stories?page_size=20&tag=" + tag;
		Runnable page = () -> {
			Api.Reply reply = this.api.get(path).send();
			assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
			assertThat(reply.json().path("data").size()).as(path).isEqualTo(shown);
		};
		page.run();
		// the page's stories are cached now: its positions alone
		List<QueryInfo> positions = this.statements.capture(page);
		assertThat(positions).as(path).hasSize(1);
		assertReadsAboutAPage(positions.getFirst(), path);
		// the page with its stories' columns, as an instance without its own cache reads
		// it
		PublicSelection selection = new PublicSelection(null, tag, Set.of(), Set.of(), ReaderPreferences.ANONYMOUS,
				WordRange.ANY);
		List<QueryInfo> full = this.statements
			.capture(() -> assertThat(this.queries.publicPage(selection, null, 20, StoryRow::map)).hasSize(shown));
		assertReadsAboutAPage(full.getFirst(), path + " with its stories");
	}

	private void assertReadsAboutAPage(QueryInfo statement, String what) {
		// run as the pool runs it, past the point where PostgreSQL keeps one plan for it
		for (String table : List.of("stories", "story_tags")) {
			assertThat(QueryPlans.rowsReadWhenReused(this.dataSource, statement, table, 8))
				.as(what + " reading " + table)
				.isLessThanOrEqualTo(50);
		}
	}

}
