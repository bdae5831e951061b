package com.muejam.stories;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.muejam.support.Api;
import com.muejam.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer's quotas: stories per author, chapters per story, new tags per UTC day (the
 * defaults: 500, 1,000, 50).
 */
@IntegrationTest
class WritingQuotaTests {

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void refusesTheStoryPastTheAuthorsQuotaAndDeletedStoriesFreeRoom() {
		JsonNode first = story("user_writer", "First", List.of());
		// stand in for 499 more stories (drafts and published) and one deleted, not
		// counted
		this.jdbc.sql("""
				insert into stories (author_id, slug, title, published, published_at, deleted_at)
				select :author::uuid, 'bulk-' || g, 'Bulk ' || g, g % 2 = 0,
				       case when g % 2 = 0 then now() end, case when g = 500 then now() end
				from generate_series(1, 500) g""").param("author", first.path("author").path("id").asString()).update();
		Api.Reply refused = postStory("user_writer", "One too many", List.of());
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.errorCode()).isEqualTo("QUOTA_EXCEEDED");
		assertThat(refused.json().path("error").path("details").path("quota").asString()).isEqualTo("stories");
		assertThat(refused.json().path("error").path("details").path("limit").asInt()).isEqualTo(500);
		assertThat(postStory("user_other", "Someone else's", List.of()).status()).isEqualTo(201);
		assertThat(this.api.delete("/v1/stories/" + first.path("id").asString()).as("user_writer").send().status())
			.isEqualTo(204);
		assertThat(postStory("user_writer", "Room again", List.of()).status()).isEqualTo(201);
	}

	@Test
	void refusesTheChapterPastTheStorysQuotaAndDeletedChaptersFreeRoom() {
		String story = story("user_writer", "Long Saga", List.of()).path("id").asString();
		// stand in for 999 chapters
		this.jdbc.sql("""
				insert into chapters (story_id, chapter_number, title)
				select :story::uuid, g, 'Chapter ' || g from generate_series(1, 999) g""")
			.param("story", story)
			.update();
		JsonNode last = chapter(story, "The thousandth");
		assertThat(last.path("chapter_number").asInt()).isEqualTo(1000);
		Api.Reply refused = postChapter(story, "One too many");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.errorCode()).isEqualTo("QUOTA_EXCEEDED");
		assertThat(refused.json().path("error").path("details").path("quota").asString())
			.isEqualTo("chapters_per_story");
		assertThat(refused.json().path("error").path("details").path("limit").asInt()).isEqualTo(1000);
		assertThat(this.api.delete("/v1/chapters/" + last.path("id").asString()).as("user_writer").send().status())
			.isEqualTo(204);
		assertThat(chapter(story, "Room again").path("chapter_number").asInt()).isEqualTo(1001);
	}

	@Test
	void boundsTheTagsOneUserCreatesInAUtcDay() {
		for (int batch = 0; batch < 5; batch++) {
			story("user_tagger", "Batch " + batch, tags("batch" + batch + "-", 10));
		}
		Api.Reply refused = postStory("user_tagger", "Fifty first", List.of("batch0-0", "Brand New"));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.errorCode()).isEqualTo("QUOTA_EXCEEDED");
		assertThat(refused.json().path("error").path("details").path("quota").asString()).isEqualTo("new_tags_per_day");
		assertThat(refused.json().path("error").path("details").path("limit").asInt()).isEqualTo(50);
		assertThat(count("select count(*) from tags where slug = 'brand-new'")).isZero();
		assertThat(count("select count(*) from stories where title = 'Fifty first'")).isZero();
		// existing tags stay free to use, by anyone; another user creates their own
		String story = story("user_tagger", "Old tags only", List.of("batch0-0", "Batch4 9")).path("id").asString();
		Api.Reply edit = this.api.put("/v1/stories/" + story)
			.as("user_tagger")
			.json(Map.of("tags", List.of("batch1-1", "Brand New")))
			.send();
		assertThat(edit.status()).as(edit.toString()).isEqualTo(409);
		assertThat(edit.errorCode()).isEqualTo("QUOTA_EXCEEDED");
		assertThat(story("user_other", "Fresh", List.of("Brand New")).path("tags").findValuesAsString("slug"))
			.containsExactly("brand-new");
		// tags created before today's UTC midnight do not count
		this.jdbc
			.sql("update tags set created_at = date_trunc('day', now() at time zone 'utc') at time zone 'utc'"
					+ " - interval '1 second' where slug like 'batch0-%'")
			.update();
		assertThat(story("user_tagger", "Next day", List.of("Another New")).path("tags").findValuesAsString("slug"))
			.containsExactly("another-new");
	}

	private JsonNode story(String user, String title, List<String> tags) {
		Api.Reply reply = postStory(user, title, tags);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json();
	}

	private Api.Reply postStory(String user, String title, List<String> tags) {
		return this.api.post("/v1/stories").as(user).json(Map.of("title", title, "tags", tags)).send();
	}

	private JsonNode chapter(String story, String title) {
		Api.Reply reply = postChapter(story, title);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json();
	}

	private Api.Reply postChapter(String story, String title) {
		return this.api.post("/v1/stories/" + story + "/chapters")
			.as("user_writer")
			.json(Map.of("title", title, "content", "Text"))
			.send();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static List<String> tags(String prefix, int count) {
		List<String> tags = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			tags.add(prefix + i);
		}
		return tags;
	}

}
