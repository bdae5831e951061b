package com.muejam.whispers;

import java.util.Set;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import com.muejam.core.security.CurrentUser;
import com.muejam.support.IntegrationTest;
import com.muejam.support.SpringContexts;
import com.muejam.users.ProfileService;
import com.muejam.whispers.WhisperRequests.CreateWhisper;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed properties 13-15 against the real database: a like creates one retrievable record
 * however often it is repeated, and unliking removes it.
 */
@IntegrationTest
class LikeProperties {

	private final ApplicationContext context = SpringContexts.of(LikeProperties.class);

	private final WhisperService whispers = this.context.getBean(WhisperService.class);

	private final ProfileService profiles = this.context.getBean(ProfileService.class);

	private final JdbcClient jdbc = this.context.getBean(JdbcClient.class);

	@Property(tries = 40)
	void likesAreCreatedOnceAndRemovedByUnliking(@ForAll @IntRange(min = 1, max = 4) int likes,
			@ForAll @IntRange(min = 0, max = 3) int unlikes, @ForAll @IntRange(min = 1, max = 3) int likers) {
		CurrentUser author = newUser();
		UUID whisper = this.whispers
			.create(author, new CreateWhisper("Property " + UUID.randomUUID(), null, null, null, null))
			.id();
		for (int l = 0; l < likers; l++) {
			CurrentUser liker = newUser();
			for (int i = 0; i < likes; i++) {
				assertThat(this.whispers.like(liker, whisper).liked()).isTrue();
			}
			assertThat(records(liker, whisper)).isEqualTo(1);
			for (int i = 0; i < unlikes; i++) {
				assertThat(this.whispers.unlike(liker, whisper).liked()).isFalse();
			}
			assertThat(records(liker, whisper)).isEqualTo((unlikes == 0) ? 1 : 0);
		}
		long stored = this.jdbc.sql("select count(*) from whisper_likes where whisper_id = :w")
			.param("w", whisper)
			.query(Long.class)
			.single();
		int counted = this.jdbc.sql("select like_count from whispers where id = :w")
			.param("w", whisper)
			.query(Integer.class)
			.single();
		assertThat(counted).isEqualTo((int) stored).isEqualTo((unlikes == 0) ? likers : 0);
	}

	private long records(CurrentUser user, UUID whisper) {
		return this.jdbc.sql("select count(*) from whisper_likes where user_id = :u and whisper_id = :w")
			.param("u", user.id())
			.param("w", whisper)
			.query(Long.class)
			.single();
	}

	private CurrentUser newUser() {
		return this.profiles.signIn("user_like_" + UUID.randomUUID(), null, null, Set.of());
	}

}
