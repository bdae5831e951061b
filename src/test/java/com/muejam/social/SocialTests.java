package com.muejam.social;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.muejam.support.Api;
import com.muejam.support.Fixtures;
import com.muejam.support.IntegrationTest;
import com.muejam.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@ExtendWith(PublishedEventsExtension.class)
class SocialTests {

	@Autowired
	Api api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	StatementCounter statements;

	@Test
	void followingIsIdempotentAndCounted(PublishedEvents events) {
		String bob = id("user_bob");
		Api.Reply first = this.api.post("/v1/users/" + bob + "/follow").as("user_alice").send();
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().path("following").asBoolean()).isTrue();
		this.api.post("/v1/users/" + bob + "/follow").as("user_alice").send();
		assertThat(profile("user_bob").path("follower_count").asInt()).isEqualTo(1);
		assertThat(profile("user_alice").path("following_count").asInt()).isEqualTo(1);
		assertThat(events.ofType(UserFollowed.class)).hasSize(1);
		Api.Reply unfollow = this.api.delete("/v1/users/" + bob + "/follow").as("user_alice").send();
		assertThat(unfollow.json().path("following").asBoolean()).isFalse();
		this.api.delete("/v1/users/" + bob + "/follow").as("user_alice").send();
		assertThat(profile("user_bob").path("follower_count").asInt()).isZero();
	}

	@Test
	void cannotActOnYourselfOrUnknownUsers() {
		String me = id("user_self");
		for (String action : new String[] { "follow", "block", "mute" }) {
			Api.Reply self = this.api.post("/v1/users/" + me + "/" + action).as("user_self").send();
			assertThat(self.status()).isEqualTo(400);
			assertThat(self.json().path("error").path("details").has("id")).isTrue();
			assertThat(this.api.post("/v1/users/00000000-0000-0000-0000-0000000000ff/" + action)
				.as("user_self")
				.send()
				.status()).isEqualTo(404);
			assertThat(this.api.post("/v1/users/" + me + "/" + action).send().status()).isEqualTo(401);
		}
		assertThat(this.api.post("/v1/users/not-a-uuid/follow").as("user_self").send().status()).isEqualTo(400);
	}

	@Test
	void blockRemovesFollowsBothWaysAndPreventsFollowing() {
		String alice = id("user_alice");
		String bob = id("user_bob");
		this.api.post("/v1/users/" + bob + "/follow").as("user_alice").send();
		this.api.post("/v1/users/" + alice + "/follow").as("user_bob").send();
		Api.Reply block = this.api.post("/v1/users/" + bob + "/block").as("user_alice").send();
		assertThat(block.json().path("blocked").asBoolean()).isTrue();
		assertThat(profile("user_alice").path("follower_count").asInt()).isZero();
		assertThat(profile("user_alice").path("following_count").asInt()).isZero();
		assertThat(profile("user_bob").path("follower_count").asInt()).isZero();
		Api.Reply blockedFollow = this.api.post("/v1/users/" + alice + "/follow").as("user_bob").send();
		assertThat(blockedFollow.status()).isEqualTo(403);
		assertThat(blockedFollow.errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.api.post("/v1/users/" + bob + "/follow").as("user_alice").send().status()).isEqualTo(403);
		this.api.delete("/v1/users/" + bob + "/block").as("user_alice").send();
		assertThat(profile("user_alice").path("follower_count").asInt()).isZero();
		assertThat(this.api.post("/v1/users/" + bob + "/follow").as("user_alice").send().status()).isEqualTo(200);
	}

	@Test
	void blockedAuthorsStoriesDisappearFromListsBothWays() {
		this.fixtures.publishedStory("user_writer", "Visible Until Blocked", List.of());
		String writer = id("user_writer");
		assertThat(storyTitles("user_reader")).contains("Visible Until Blocked");
		this.api.post("/v1/users/" + writer + "/block").as("user_reader").send();
		assertThat(storyTitles("user_reader")).doesNotContain("Visible Until Blocked");
		assertThat(this.api.get("/v1/stories/visible-until-blocked").as("user_reader").send().status()).isEqualTo(404);
		assertThat(this.api.get("/v1/stories/visible-until-blocked").send().status()).isEqualTo(200);
		String reader = id("user_reader");
		this.fixtures.publishedStory("user_reader", "Reader Writes Too", List.of());
		assertThat(storyTitles("user_writer")).doesNotContain("Reader Writes Too");
		this.api.delete("/v1/users/" + writer + "/block").as("user_reader").send();
		assertThat(storyTitles("user_reader")).contains("Visible Until Blocked");
		assertThat(reader).isNotBlank();
	}

	@Test
	void muteAndUnmuteAreIdempotent() {
		String bob = id("user_bob");
		assertThat(this.api.post("/v1/users/" + bob + "/mute").as("user_alice").send().json().path("muted").asBoolean())
			.isTrue();
		assertThat(this.api.post("/v1/users/" + bob + "/mute").as("user_alice").send().status()).isEqualTo(200);
		assertThat(
				this.api.delete("/v1/users/" + bob + "/mute").as("user_alice").send().json().path("muted").asBoolean())
			.isFalse();
		assertThat(this.api.delete("/v1/users/" + bob + "/mute").as("user_alice").send().status()).isEqualTo(200);
	}

	@Test
	void followerListsArePublicNewestFirstAndPaged() {
		String star = id("user_star");
		List<String> fans = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String fan = "user_fan_" + i;
			fans.add(id(fan));
			this.api.post("/v1/users/" + star + "/follow").as(fan).send();
		}
		List<String> seen = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = this.api
				.get("/v1/users/" + star + "/followers?page_size=2" + ((cursor != null) ? "&cursor=" + cursor : ""))
				.send()
				.json();
			page.path("data").forEach((profile) -> seen.add(profile.path("id").asString()));
			cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asString();
		}
		while (cursor != null);
		assertThat(seen).containsExactlyElementsOf(fans.reversed());
		JsonNode following = this.api.get("/v1/users/" + fans.get(0) + "/following").send().json().path("data");
		assertThat(following.get(0).path("id").asString()).isEqualTo(star);
		assertThat(following.get(0).path("follower_count").asInt()).isEqualTo(5);
		assertThat(this.api.get("/v1/users/00000000-0000-0000-0000-0000000000ff/followers").send().status())
			.isEqualTo(404);
		long one = this.statements.count(() -> this.api.get("/v1/users/" + star + "/followers?page_size=1").send());
		long five = this.statements.count(() -> this.api.get("/v1/users/" + star + "/followers?page_size=5").send());
		assertThat(five).isEqualTo(one);
	}

	@Test
	void blockedUsersLeaveEachOthersFollowerLists() {
		String star = id("user_star");
		String fan = id("user_fan");
		this.api.post("/v1/users/" + star + "/follow").as("user_fan").send();
		this.api.post("/v1/users/" + star + "/follow").as("user_other_fan").send();
		this.api.post("/v1/users/" + fan + "/block").as("user_watcher").send();
		List<String> seen = new ArrayList<>();
		this.api.get("/v1/users/" + star + "/followers")
			.as("user_watcher")
			.send()
			.json()
			.path("data")
			.forEach((profile) -> seen.add(profile.path("id").asString()));
		assertThat(seen).doesNotContain(fan).hasSize(1);
	}

	private String id(String subject) {
		return this.fixtures.me(subject).path("id").asString();
	}

	private JsonNode profile(String subject) {
		return this.api.get("/v1/me").as(subject).send().json();
	}

	private List<String> storyTitles(String viewer) {
		List<String> titles = new ArrayList<>();
		this.api.get("/v1/stories")
			.as(viewer)
			.send()
			.json()
			.path("data")
			.forEach((story) -> titles.add(story.path("title").asString()));
		return titles;
	}

}
