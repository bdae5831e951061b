package com.muejam.whispers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import com.muejam.core.error.ApiException;
import com.muejam.core.error.ErrorCode;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;
import com.muejam.social.SocialTestSupport;
import com.muejam.stories.StoryTestSupport;
import com.muejam.support.IntegrationTest;
import com.muejam.support.SpringContexts;
import com.muejam.users.ProfileService;
import com.muejam.whispers.WhisperRequests.CreateWhisper;
import com.muejam.whispers.WhisperViews.WhisperView;

import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Seed property 18 over random block graphs: a viewer's feeds and story lists never
 * include deleted content or content of a user in a block relation with them (either
 * way), and include everything else.
 */
@IntegrationTest
class VisibilityProperties {

	private static final int USERS = 4;

	private final ApplicationContext context = SpringContexts.of(VisibilityProperties.class);

	private final WhisperService whispers = this.context.getBean(WhisperService.class);

	private final WhisperFeeds feeds = this.context.getBean(WhisperFeeds.class);

	private final ProfileService profiles = this.context.getBean(ProfileService.class);

	@Property(tries = 25)
	void feedsLeaveOutDeletedAndBlockedContent(
			@ForAll @Size(max = 6) List<@IntRange(min = 0, max = USERS * USERS - 1) Integer> blockPairs,
			@ForAll @Size(max = USERS) Set<@IntRange(min = 0, max = USERS - 1) Integer> deletedWhispers) {
		List<CurrentUser> users = new ArrayList<>();
		for (int i = 0; i < USERS; i++) {
			users.add(this.profiles.signIn("user_vis_" + UUID.randomUUID(), null, null, Set.of()));
		}
		UUID story = StoryTestSupport.publishedStory(this.context, users.getFirst());
		List<UUID> whisperIds = new ArrayList<>();
		List<UUID> storyIds = new ArrayList<>();
		String tag = "vis" + UUID.randomUUID().toString().substring(0, 8);
		for (CurrentUser user : users) {
			whisperIds.add(this.whispers.create(user, new CreateWhisper("About it", "STORY", story, null, null)).id());
			storyIds.add(StoryTestSupport.publishedStoryTagged(this.context, user, tag));
		}
		deletedWhispers.forEach((i) -> this.whispers.delete(users.get(i), whisperIds.get(i)));
		Set<String> blocks = new HashSet<>();
		for (int pair : blockPairs) {
			int blocker = pair / USERS;
			int blocked = pair % USERS;
			if (blocker != blocked) {
				SocialTestSupport.block(this.context, users.get(blocker), users.get(blocked).id());
				blocks.add(blocker + ">" + blocked);
			}
		}
		for (int viewer = 0; viewer < USERS; viewer++) {
			Set<UUID> expected = new HashSet<>();
			Set<UUID> expectedStories = new HashSet<>();
			for (int author = 0; author < USERS; author++) {
				boolean blocked = blocks.contains(viewer + ">" + author) || blocks.contains(author + ">" + viewer);
				if (!blocked && !deletedWhispers.contains(author)) {
					expected.add(whisperIds.get(author));
				}
				if (!blocked) {
					expectedStories.add(storyIds.get(author));
				}
			}
			assertThat(StoryTestSupport.listedWithTag(this.context, users.get(viewer), tag))
				.containsExactlyInAnyOrderElementsOf(expectedStories);
			CurrentUser reader = users.get(viewer);
			if (blocks.contains(viewer + ">0") || blocks.contains("0>" + viewer)) {
				assertThatThrownBy(() -> this.feeds.feed(reader, Scope.STORY, story, null, PageParams.first(100)))
					.isInstanceOfSatisfying(ApiException.class,
							(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NOT_FOUND));
				continue;
			}
			List<UUID> seen = this.feeds.feed(reader, Scope.STORY, story, null, PageParams.first(100))
				.data()
				.stream()
				.map(WhisperView::id)
				.toList();
			assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
		}
	}

}
