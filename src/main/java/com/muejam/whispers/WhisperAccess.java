package com.muejam.whispers;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.muejam.core.error.ApiException;
import com.muejam.highlights.HighlightService;
import com.muejam.social.SocialService;
import com.muejam.stories.StoryVisibility;

import org.springframework.stereotype.Component;

/**
 * Which whispers a viewer may reach, by id or through a thread. A whisper is out of reach
 * when it is deleted or hidden, when its thread's root is (or is by someone in a block
 * with the viewer), or when the story or passage it is about is not visible to the
 * viewer. A block with the whisper's own author is reported, not decided: reading is 404,
 * replying and liking 403.
 */
@Component
class WhisperAccess {

	private final WhisperQueries queries;

	private final SocialService social;

	private final StoryVisibility stories;

	private final HighlightService highlights;

	WhisperAccess(WhisperQueries queries, SocialService social, StoryVisibility stories, HighlightService highlights) {
		this.queries = queries;
		this.social = social;
		this.stories = stories;
		this.highlights = highlights;
	}

	/**
	 * A whisper the viewer may reach, else 404.
	 * @param viewerId the viewer, or {@code null}
	 * @param whisperId the whisper
	 * @return the whisper, and whether a block stands between the viewer and its author
	 */
	Reached reach(@Nullable UUID viewerId, UUID whisperId) {
		return reachable(viewerId, whisperId).orElseThrow(() -> ApiException.notFound("Whisper"));
	}

	/**
	 * A whisper the viewer may reach.
	 * @param viewerId the viewer, or {@code null}
	 * @param whisperId the whisper
	 * @return the whisper, and whether a block stands between the viewer and its author;
	 * empty when it is out of the viewer's reach
	 */
	Optional<Reached> reachable(@Nullable UUID viewerId, UUID whisperId) {
		Optional<WhisperRow> found = stored(whisperId).filter(WhisperRow::isVisible);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		WhisperRow whisper = found.get();
		Set<UUID> blocked = this.social.eitherWay(viewerId);
		boolean inReach = (whisper.parentId() == null || stored(whisper.parentId()).filter(WhisperRow::isVisible)
			.filter((root) -> !blocked.contains(root.userId()))
			.isPresent()) && (whisper.storyId() == null || this.stories.isStoryVisibleTo(viewerId, whisper.storyId()))
				&& (whisper.highlightId() == null || isPassageVisible(viewerId, whisper.highlightId()));
		return inReach ? Optional.of(new Reached(whisper, blocked.contains(whisper.userId()))) : Optional.empty();
	}

	/**
	 * Whether the passage a highlight marks is in a chapter the viewer can read.
	 * @param viewerId the viewer, or {@code null}
	 * @param highlightId the highlight
	 * @return {@code false} for an unknown highlight or an unreadable chapter
	 */
	boolean isPassageVisible(@Nullable UUID viewerId, UUID highlightId) {
		return this.highlights.find(highlightId)
			.filter((highlight) -> this.stories.readablePlace(viewerId, highlight.chapterId()).isPresent())
			.isPresent();
	}

	Optional<WhisperRow> stored(UUID whisperId) {
		return this.queries.byId(whisperId);
	}

	/**
	 * @param whisper the whisper
	 * @param authorBlocked whether its author and the viewer are in a block, either way
	 */
	record Reached(WhisperRow whisper, boolean authorBlocked) {
	}

}
