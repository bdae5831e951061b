package com.muejam.discovery;

import java.util.UUID;

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
 * story's tags and author. Each is a few set-based statements.
 */
@Component
class DiscoverySignals {

	private final JdbcClient jdbc;

	DiscoverySignals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(StorySaved saved) {
		engage(saved.storyId(), saved.userId(), Signal.SAVE, "saves_count");
		interest(saved.userId(), saved.storyId(), Signal.SAVE);
	}

	@ApplicationModuleListener
	void on(ChapterRead read) {
		engage(read.storyId(), read.userId(), Signal.READ, "reads_count");
		interest(read.userId(), read.storyId(), Signal.READ);
	}

	@ApplicationModuleListener
	void on(ChapterCompleted completed) {
		interest(completed.userId(), completed.storyId(), Signal.COMPLETE_READ);
	}

	@ApplicationModuleListener
	void on(WhisperLiked liked) {
		if (liked.storyId() != null) {
			engage(liked.storyId(), liked.likerId(), Signal.LIKE, "likes_count");
			interest(liked.likerId(), liked.storyId(), Signal.LIKE);
		}
	}

	@ApplicationModuleListener
	void on(StoryWhispered whispered) {
		engage(whispered.storyId(), whispered.userId(), Signal.WHISPER, "whispers_count");
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

	private void engage(UUID storyId, UUID userId, Signal signal, String counter) {
		this.jdbc.sql("insert into story_engagements (story_id, user_id, kind) values (:story, :user, :kind)")
			.param("story", storyId)
			.param("user", userId)
			.param("kind", signal.name())
			.update();
		this.jdbc.sql("""
				insert into story_stats_daily (story_id, date, %1$s) values (:story, current_date, 1)
				on conflict (story_id, date) do update set %1$s = story_stats_daily.%1$s + 1""".formatted(counter))
			.param("story", storyId)
			.update();
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
