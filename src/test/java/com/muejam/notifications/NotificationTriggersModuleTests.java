package com.muejam.notifications;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.muejam.social.SocialService;
import com.muejam.social.UserFollowed;
import com.muejam.stories.StoryService;
import com.muejam.support.CleanState;
import com.muejam.users.DigestSettings;
import com.muejam.users.ProfileService;
import com.muejam.users.UserSummary;
import com.muejam.whispers.WhisperReplied;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.convert.converter.Converter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/**
 * The notifications module on its own (plus the shared {@code core}): the events of other
 * modules are published with the Modulith {@link Scenario} API, the two services it asks
 * about users are mocked, and notifications are written to the real embedded PostgreSQL.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.MOCK)
@ActiveProfiles("test")
@ExtendWith(CleanState.class)
class NotificationTriggersModuleTests {

	@MockitoBean
	Converter<Jwt, AbstractAuthenticationToken> authentication;

	@MockitoBean
	ProfileService profiles;

	@MockitoBean
	SocialService social;

	@MockitoBean
	StoryService stories;

	@MockitoBean
	DigestSettings digests;

	@Autowired
	JdbcClient jdbc;

	private final UUID author = UUID.randomUUID();

	private final UUID reader = UUID.randomUUID();

	@BeforeEach
	void users() {
		for (UUID id : Set.of(this.author, this.reader)) {
			this.jdbc
				.sql("insert into user_profiles (id, clerk_user_id, handle, display_name) values (:id, :c, :h, 'U')")
				.param("id", id)
				.param("c", "user_" + id)
				.param("h", "h" + id.toString().replace("-", "").substring(0, 20))
				.update();
		}
		given(this.profiles.exists(any())).willReturn(true);
		given(this.profiles.summaries(any()))
			.willReturn(Map.of(this.reader, new UserSummary(this.reader, "reader", "Reader", null)));
	}

	@Test
	void replyNotifiesTheParentAuthor(Scenario scenario) {
		UUID reply = UUID.randomUUID();
		scenario.publish(new WhisperReplied(reply, UUID.randomUUID(), UUID.randomUUID(), this.author, this.reader))
			.andWaitAtMost(Duration.ofSeconds(10))
			.andWaitForStateChange(() -> notifications("REPLY"), (count) -> count > 0)
			.andVerify((count) -> assertThat(count).isEqualTo(1));
	}

	@Test
	void aFollowNotifiesTheFollowedUser(Scenario scenario) {
		scenario.publish(new UserFollowed(this.reader, this.author))
			.andWaitAtMost(Duration.ofSeconds(10))
			.andWaitForStateChange(() -> notifications("FOLLOW"), (count) -> count > 0)
			.andVerify((count) -> assertThat(count).isEqualTo(1));
	}

	private long notifications(String type) {
		return this.jdbc.sql("select count(*) from notifications where user_id = :u and actor_id = :a and type = :t")
			.param("u", this.author)
			.param("a", this.reader)
			.param("t", type)
			.query(Long.class)
			.single();
	}

}
