package com.muejam.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;
import com.muejam.stories.ChapterService;
import com.muejam.stories.StoryService;
import com.muejam.support.IntegrationTest;
import com.muejam.support.SpringContexts;
import com.muejam.users.ProfileService;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed properties 5-8 against the real database.
 */
@IntegrationTest
class LibraryProperties {

	private final ApplicationContext context = SpringContexts.of(LibraryProperties.class);

	private final ShelfService shelves = this.context.getBean(ShelfService.class);

	private final ProgressService progress = this.context.getBean(ProgressService.class);

	private final ProfileService profiles = this.context.getBean(ProfileService.class);

	private final JdbcClient jdbc = this.context.getBean(JdbcClient.class);

	private final UUID story = publishedStory();

	private final UUID chapter = publishedChapter(this.story, "x".repeat(5000));

	/**
	 * Property 5: saving any offset of a chapter and reading it back gives the same
	 * offset.
	 */
	@Property(tries = 60)
	void progressRoundTrips(@ForAll @IntRange(min = 0, max = 5000) int offset,
			@ForAll @IntRange(min = 0, max = 5000) int earlier) {
		CurrentUser reader = newUser();
		this.progress.save(reader, this.chapter, earlier);
		this.progress.save(reader, this.chapter, offset);
		assertThat(this.progress.get(reader, this.chapter).offset()).isEqualTo(offset);
	}

	/**
	 * Properties 6 and 7: a story added to a shelf is on it (once, however often it is
	 * added), and after removing it, it is not.
	 */
	@Property(tries = 30)
	void addingThenRemovingAStory(@ForAll @IntRange(min = 1, max = 4) int adds) {
		CurrentUser reader = newUser();
		UUID shelf = this.shelves.create(reader, "Shelf").id();
		for (int i = 0; i < adds; i++) {
			this.shelves.add(reader, shelf, this.story);
		}
		assertThat(items(reader, shelf)).containsExactly(this.story);
		assertThat(this.jdbc.sql("select item_count from shelves where id = :id")
			.param("id", shelf)
			.query(Integer.class)
			.single()).isEqualTo(1);
		this.shelves.remove(reader, shelf, this.story);
		assertThat(items(reader, shelf)).isEmpty();
	}

	/**
	 * Property 8: a story added to any number of shelves is on all of them at once.
	 */
	@Property(tries = 20)
	void aStoryIsOnEveryShelfItWasAddedTo(@ForAll @IntRange(min = 1, max = 6) int shelfCount) {
		CurrentUser reader = newUser();
		List<UUID> shelfIds = new ArrayList<>();
		for (int i = 0; i < shelfCount; i++) {
			shelfIds.add(this.shelves.create(reader, "Shelf " + i).id());
		}
		shelfIds.forEach((shelf) -> this.shelves.add(reader, shelf, this.story));
		shelfIds.forEach((shelf) -> assertThat(items(reader, shelf)).containsExactly(this.story));
	}

	private List<UUID> items(CurrentUser reader, UUID shelf) {
		return this.shelves.items(reader, shelf, PageParams.first(100))
			.data()
			.stream()
			.map((item) -> item.story().id())
			.toList();
	}

	private CurrentUser newUser() {
		return this.profiles.signIn("user_lib_" + UUID.randomUUID(), null, null, Set.of());
	}

	private UUID publishedStory() {
		CurrentUser author = newUser();
		StoryService stories = this.context.getBean(StoryService.class);
		return com.muejam.stories.StoryTestSupport.publishedStory(stories, author);
	}

	private UUID publishedChapter(UUID storyId, String content) {
		CurrentUser author = new CurrentUser(authorOf(storyId), "", Set.of());
		return com.muejam.stories.StoryTestSupport.publishedChapter(this.context.getBean(ChapterService.class), author,
				storyId, content);
	}

	private UUID authorOf(UUID storyId) {
		return this.jdbc.sql("select author_id from stories where id = :id")
			.param("id", storyId)
			.query(UUID.class)
			.single();
	}

}
