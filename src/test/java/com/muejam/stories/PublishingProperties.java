package com.muejam.stories;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import com.muejam.core.security.CurrentUser;
import com.muejam.stories.ChapterRequests.CreateChapter;
import com.muejam.stories.StoryRequests.CreateStory;
import com.muejam.stories.StoryRequests.Publish;
import com.muejam.support.IntegrationTest;
import com.muejam.support.SpringContexts;
import com.muejam.users.ProfileService;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed properties 9 (publication) and 10 (soft deletion keeps the row and its relations)
 * against the real database.
 */
@IntegrationTest
class PublishingProperties {

	private final ApplicationContext context = SpringContexts.of(PublishingProperties.class);

	private final StoryService stories = this.context.getBean(StoryService.class);

	private final ChapterService chapters = this.context.getBean(ChapterService.class);

	private final ProfileService profiles = this.context.getBean(ProfileService.class);

	private final JdbcClient jdbc = this.context.getBean(JdbcClient.class);

	/**
	 * Property 9: publishing any unpublished story sets {@code published} and a
	 * {@code published_at}: now, or the scheduled time.
	 */
	@Property(tries = 30)
	void publishingSetsPublishedAndPublishedAt(@ForAll @AlphaChars @StringLength(min = 1, max = 60) String title,
			@ForAll @Size(max = 4) List<@AlphaChars @StringLength(min = 1, max = 12) String> tags,
			@ForAll @IntRange(min = -1, max = 100_000) int scheduleSeconds) {
		CurrentUser author = newAuthor();
		StoryView draft = this.stories.create(author, new CreateStory(title, null, tags, null, null, null));
		assertThat(draft.published()).isFalse();
		Instant scheduled = (scheduleSeconds < 0) ? null : Instant.now().plusSeconds(scheduleSeconds + 60L);
		Instant before = Instant.now();
		StoryView published = this.stories.publish(author, draft.id(), new Publish(scheduled));
		Instant after = Instant.now();
		assertThat(published.published()).isTrue();
		if (scheduled == null) {
			assertThat(published.publishedAt()).isBetween(before.minusMillis(1), after);
		}
		else {
			assertThat(published.publishedAt()).isEqualTo(scheduled.truncatedTo(ChronoUnit.MICROS));
		}
		Map<String, Object> row = this.jdbc.sql("select published, published_at from stories where id = :id")
			.param("id", draft.id())
			.query()
			.singleRow();
		assertThat(row.get("published")).isEqualTo(true);
		assertThat(((java.sql.Timestamp) row.get("published_at")).toInstant()).isEqualTo(published.publishedAt());
	}

	/**
	 * Property 10: deleting a story or a chapter sets {@code deleted_at} and keeps the
	 * row, its chapters and its tags.
	 */
	@Property(tries = 25)
	void softDeleteKeepsRowsAndRelations(@ForAll @IntRange(min = 0, max = 4) int chapterCount,
			@ForAll @Size(max = 3) Set<@AlphaChars @StringLength(min = 2, max = 10) String> tags,
			@ForAll boolean deleteAChapterFirst) {
		CurrentUser author = newAuthor();
		StoryView story = this.stories.create(author,
				new CreateStory("Doomed", "blurb", List.copyOf(tags), null, null, null));
		List<UUID> chapterIds = new java.util.ArrayList<>();
		for (int i = 0; i < chapterCount; i++) {
			chapterIds.add(this.chapters.create(author, story.id(), new CreateChapter("C" + i, "text " + i)).id());
		}
		long tagLinks = count("select count(*) from story_tags where story_id = :id", story.id());
		if (deleteAChapterFirst && !chapterIds.isEmpty()) {
			this.chapters.delete(author, chapterIds.getFirst());
			assertThat(count("select count(*) from chapters where id = :id and deleted_at is not null",
					chapterIds.getFirst()))
				.isEqualTo(1);
		}
		this.stories.delete(author, story.id());
		assertThat(count("select count(*) from stories where id = :id and deleted_at is not null", story.id()))
			.isEqualTo(1);
		assertThat(count("select count(*) from chapters where story_id = :id", story.id())).isEqualTo(chapterCount);
		assertThat(count("select count(*) from story_tags where story_id = :id", story.id())).isEqualTo(tagLinks);
	}

	private long count(String sql, UUID id) {
		return this.jdbc.sql(sql).param("id", id).query(Long.class).single();
	}

	private CurrentUser newAuthor() {
		return this.profiles.signIn("user_prop_" + UUID.randomUUID(), null, null, Set.of());
	}

}
