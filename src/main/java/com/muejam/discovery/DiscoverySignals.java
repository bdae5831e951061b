package com.muejam.discovery;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.library.ChapterCompleted;
import com.muejam.library.ChapterRead;
import com.muejam.library.StorySaved;
import com.muejam.social.UserFollowed;
import com.muejam.whispers.StoryWhispered;
import com.muejam.whispers.WhisperLiked;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Learns from what readers do, after it has committed: each signal counts towards the
 * story's daily stats and trending engagements, and towards the reader's interest in the
 * story's tags and author. Each is a few set-based statements. A signal counts once per
 * reader, story, kind and UTC day (liking, unliking and liking again is one like), and
 * not at all from the story's author or a suspended user.
 */
@Component
class DiscoverySignals {

	private final JdbcClient jdbc;

	DiscoverySignals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(StorySaved saved) {
		signal(saved.storyId(), saved.userId(), Signal.SAVE, "saves_count");
	}

	@ApplicationModuleListener
	void on(ChapterRead read) {
		signal(read.storyId(), read.userId(), Signal.READ, "reads_count");
	}

	@ApplicationModuleListener
	void on(ChapterCompleted completed) {
		signal(completed.storyId(), completed.userId(), Signal.COMPLETE_READ, null);
	}

	@ApplicationModuleListener
	void on(WhisperLiked liked) {
		if (liked.storyId() != null) {
			signal(liked.storyId(), liked.likerId(), Signal.LIKE, "likes_count");
		}
	}

	@ApplicationModuleListener
	void on(StoryWhispered whispered) {
		signal(whispered.storyId(), whispered.userId(), Signal.WHISPER, "whispers_count");
	}

	@ApplicationModuleListener
	void on(UserFollowed followed) {
		this.jdbc
			.sql("""
					insert into user_interests (user_id, author_id, score, updated_at) values (:user, :author, :weight, now())
					on conflict (user_id, author_id) do update set score = user_interests.score + excluded.score, updated_at = now()""")
			.param("user", followed.followerId())
			.param("author", followed.followingId())
			.param("weight", Signal.FOLLOW.interestWeight())
			.update();
	}

	/**
	 * Counts a user's engagement with a story once per kind and UTC day, and never the
	 * author's own or a suspended user's.
	 * @param counter the daily stats column it adds to, if any
	 */
	private void signal(UUID storyId, UUID userId, Signal signal, @Nullable String counter) {
		if (!engage(storyId, userId, signal)) {
			return;
		}
		if (counter != null) {
			this.jdbc.sql("""
					insert into story_stats_daily (story_id, date, %1$s) values (:story, current_date, 1)
					on conflict (story_id, date) do update set %1$s = story_stats_daily.%1$s + 1""".formatted(counter))
				.param("story", storyId)
				.update();
		}
		if (signal.interestWeight() > 0) {
			interest(userId, storyId, signal);
		}
	}

	private boolean engage(UUID storyId, UUID userId, Signal signal) {
		return this.jdbc.sql("""
				insert into story_engagements (story_id, user_id, kind)
				select s.id, p.id, :kind from stories s join user_profiles p on p.id = :user
				where s.id = :story and s.author_id <> p.id and p.suspended_at is null
				on conflict (story_id, user_id, kind, day) do nothing""")
			.param("story", storyId)
			.param("user", userId)
			.param("kind", signal.name())
			.update() == 1;
	}

	private void interest(UUID userId, UUID storyId, Signal signal) {
		this.jdbc
			.sql("""
					insert into user_interests (user_id, tag_id, score, updated_at)
					select :user, st.tag_id, :weight, now() from story_tags st where st.story_id = :story
					on conflict (user_id, tag_id) do update set score = user_interests.score + excluded.score, updated_at = now()""")
			.param("user", userId)
			.param("story", storyId)
			.param("weight", signal.interestWeight())
			.update();
		this.jdbc
			.sql("""
					insert into user_interests (user_id, author_id, score, updated_at)
					select :user, s.author_id, :weight, now() from stories s where s.id = :story and s.author_id <> :user
					on conflict (user_id, author_id) do update set score = user_interests.score + excluded.score, updated_at = now()""")
			.param("user", userId)
			.param("story", storyId)
			.param("weight", signal.interestWeight())
			.update();
	}

}
