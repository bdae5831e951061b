package com.muejam.discovery;

import java.util.UUID;

import com.muejam.library.ChapterCompleted;
import com.muejam.library.ChapterRead;
import com.muejam.library.StorySaved;
import com.muejam.social.UserFollowed;
import com.muejam.whispers.StoryWhispered;
import com.muejam.whispers.WhisperLiked;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Learns from what readers do, after it has committed: each signal counts towards the
 * story's daily stats and trending engagements, and towards the reader's interest in the
 * story's tags and author. Each is one statement (a chapter's read is two: the chapter's
 * stats count it apart). A signal counts once per reader, story, kind and UTC day
 * (liking, unliking and liking again is one like), and not at all from the story's author
 * or a suspended user.
 */
@Component
class DiscoverySignals {

	private final SignalQueries queries;

	private final StatsQueries stats;

	DiscoverySignals(SignalQueries queries, StatsQueries stats) {
		this.queries = queries;
		this.stats = stats;
	}

	@ApplicationModuleListener
	void on(StorySaved saved) {
		signal(saved.storyId(), saved.userId(), Signal.SAVE, "saves_count");
	}

	@ApplicationModuleListener
	void on(ChapterRead read) {
		signal(read.storyId(), read.userId(), Signal.READ, "reads_count");
		this.stats.countChapterRead(read.storyId(), read.chapterId(), read.userId(), read.day());
	}

	@ApplicationModuleListener
	void on(ChapterCompleted completed) {
		signal(completed.storyId(), completed.userId(), Signal.COMPLETE_READ, "completions_count");
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
		this.queries.addInterestInAuthor(followed.followerId(), followed.followingId(), Signal.FOLLOW.interestWeight());
		this.stats.countNewFollower(followed.followingId());
	}

	/**
	 * Counts a user's engagement with a story once per kind and UTC day, and never the
	 * author's own or a suspended user's.
	 * @param counter the daily stats column it adds to
	 */
	private void signal(UUID storyId, UUID userId, Signal signal, String counter) {
		this.queries.record(storyId, userId, signal, counter);
	}

}
