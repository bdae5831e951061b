package com.muejam.discovery;

import com.muejam.library.ChapterCompleted;
import com.muejam.library.ChapterRead;
import com.muejam.library.StorySaved;
import com.muejam.social.UserFollowed;
import com.muejam.whispers.StoryWhispered;
import com.muejam.whispers.WhisperLiked;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Learns from what readers do: each save, first read of a chapter in a day, completed
 * read, like of a story's whisper and story whisper is appended to the signal inbox in
 * the transaction that made it (so it is kept exactly when the action is: the library
 * appends its saves and reads in the statement that makes them, this listener the
 * whispers' likes and story whispers), and counted in batches once that commits
 * ({@link SignalInbox}): towards the story's daily stats and trending engagements, and
 * towards the reader's interest in the story's tags and author. A signal counts once per
 * reader, story, kind and UTC day (liking, unliking and liking again is one like), and
 * not at all from the story's author or a suspended user. A follow is counted by its own
 * listener after the follow commits.
 */
@Component
class DiscoverySignals {

	private final SignalInbox inbox;

	private final SignalQueries queries;

	private final StatsQueries stats;

	DiscoverySignals(SignalInbox inbox, SignalQueries queries, StatsQueries stats) {
		this.inbox = inbox;
		this.queries = queries;
		this.stats = stats;
	}

	// the library's statement that saved the story or counted the read appended its
	// signal: it is counted once that commits

	@EventListener
	void on(StorySaved saved) {
		this.inbox.countAfterCommit();
	}

	@EventListener
	void on(ChapterRead read) {
		this.inbox.countAfterCommit();
	}

	@EventListener
	void on(ChapterCompleted completed) {
		this.inbox.countAfterCommit();
	}

	@EventListener
	void on(WhisperLiked liked) {
		if (liked.storyId() != null) {
			this.inbox.append(Signal.LIKE, liked.storyId(), liked.likerId(), null, null);
		}
	}

	@EventListener
	void on(StoryWhispered whispered) {
		this.inbox.append(Signal.WHISPER, whispered.storyId(), whispered.userId(), null, null);
	}

	@ApplicationModuleListener
	void on(UserFollowed followed) {
		this.queries.addInterestInAuthor(followed.followerId(), followed.followingId(), Signal.FOLLOW.interestWeight());
		this.stats.countNewFollower(followed.followingId());
	}

}
