package com.muejam.highlights;

import java.util.Set;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import com.muejam.core.error.ApiException;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;
import com.muejam.stories.ChapterService;
import com.muejam.stories.StoryService;
import com.muejam.stories.StoryTestSupport;
import com.muejam.support.IntegrationTest;
import com.muejam.support.SpringContexts;
import com.muejam.users.ProfileService;

import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed properties 16 (offsets accepted iff {@code 0 <= start < end <= length}) and 17 (a
 * saved highlight keeps every field) against the real database.
 */
@IntegrationTest
class HighlightProperties {

	private static final String TEXT = "It was a dark and stormy night; the rain fell in torrents. ".repeat(4);

	private final ApplicationContext context = SpringContexts.of(HighlightProperties.class);

	private final HighlightService highlights = this.context.getBean(HighlightService.class);

	private final ProfileService profiles = this.context.getBean(ProfileService.class);

	private final CurrentUser author = newUser();

	private final UUID chapter = StoryTestSupport.publishedChapter(this.context.getBean(ChapterService.class),
			this.author, StoryTestSupport.publishedStory(this.context.getBean(StoryService.class), this.author), TEXT);

	@Property(tries = 120)
	void acceptsIffOffsetsAreOrderedAndWithinTheChapter(@ForAll @IntRange(min = -5, max = 250) int start,
			@ForAll @IntRange(min = -5, max = 250) int end) {
		boolean valid = 0 <= start && start < end && end <= TEXT.length();
		CurrentUser reader = newUser();
		boolean accepted;
		try {
			this.highlights.create(reader, this.chapter, start, end);
			accepted = true;
		}
		catch (ApiException ex) {
			assertThat(ex.details().keySet()).containsAnyOf("start_offset", "end_offset");
			accepted = false;
		}
		assertThat(accepted).as("[%d, %d)", start, end).isEqualTo(valid);
	}

	@Property(tries = 60)
	void savedHighlightKeepsEveryField(@ForAll @IntRange(min = 0, max = 195) int start,
			@ForAll @IntRange(min = 1, max = 40) int length) {
		CurrentUser reader = newUser();
		HighlightView created = this.highlights.create(reader, this.chapter, start, start + length);
		HighlightView stored = this.highlights.list(reader, this.chapter, PageParams.first(10)).data().getFirst();
		assertThat(stored).isEqualTo(created);
		assertThat(stored.chapterId()).isEqualTo(this.chapter);
		assertThat(stored.startOffset()).isEqualTo(start);
		assertThat(stored.endOffset()).isEqualTo(start + length);
		assertThat(stored.text()).isEqualTo(TEXT.substring(start, start + length));
		assertThat(this.highlights.find(created.id()).orElseThrow().userId()).isEqualTo(reader.id());
	}

	private CurrentUser newUser() {
		return this.profiles.signIn("user_hl_" + UUID.randomUUID(), null, null, Set.of());
	}

}
