package com.muejam.whispers;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import com.muejam.core.openapi.Created;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;
import com.muejam.whispers.WhisperRequests.CreateReply;
import com.muejam.whispers.WhisperRequests.CreateWhisper;
import com.muejam.whispers.WhisperViews.LikeState;
import com.muejam.whispers.WhisperViews.WhisperView;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Whispers", description = "Short public posts about stories and highlights, replies and likes")
@RestController
class WhisperController {

	private final WhisperService whispers;

	private final WhisperFeeds feeds;

	WhisperController(WhisperService whispers, WhisperFeeds feeds) {
		this.whispers = whispers;
		this.feeds = feeds;
	}

	@Operation(summary = "Post a whisper",
			description = "10 per minute. GLOBAL takes no target, STORY a published `story_id`, HIGHLIGHT one of your `highlight_id`s.")
	@Created
	@PostMapping("/v1/whispers")
	ResponseEntity<WhisperView> createWhisper(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody CreateWhisper request) {
		WhisperView whisper = this.whispers.create(user, request);
		return ResponseEntity.created(URI.create("/v1/whispers/" + whisper.id())).body(whisper);
	}

	@Operation(summary = "A feed of whispers, newest first",
			description = "Leaves out deleted whispers and the authors the caller blocked, muted or was blocked by.")
	@SecurityRequirements
	@GetMapping("/v1/whispers")
	CursorPage<WhisperView> listWhispers(@AuthenticationPrincipal @Nullable CurrentUser user, @Parameter(
			description = "Which feed: global (default), story (with `story_id`) or highlight (with `highlight_id`)",
			schema = @Schema(type = "string", allowableValues = { "global", "story", "highlight" },
					defaultValue = "global")) @RequestParam(required = false) @Nullable String scope,
			@RequestParam(name = "story_id", required = false) @Nullable UUID storyId,
			@RequestParam(name = "highlight_id", required = false) @Nullable UUID highlightId, PageParams page) {
		return this.feeds.feed(user, Scope.parse("scope", scope), storyId, highlightId, page);
	}

	@Operation(summary = "One whisper", description = "Reachable even when its author is muted; 404 across a block.")
	@SecurityRequirements
	@GetMapping("/v1/whispers/{id}")
	WhisperView getWhisper(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID id) {
		return this.feeds.get(user, id);
	}

	@Operation(summary = "Delete your whisper", description = "Soft delete; its replies stay.")
	@DeleteMapping("/v1/whispers/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteWhisper(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		this.whispers.delete(user, id);
	}

	@Operation(summary = "Reply to a whisper",
			description = "20 per minute. Replies to replies join the same thread (`parent_id` is the root). 403 across a block.")
	@Created
	@PostMapping("/v1/whispers/{id}/replies")
	ResponseEntity<WhisperView> createReply(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@Valid @RequestBody CreateReply request) {
		WhisperView reply = this.whispers.reply(user, id, request);
		return ResponseEntity.created(URI.create("/v1/whispers/" + reply.id())).body(reply);
	}

	@Operation(summary = "A thread's replies, oldest first")
	@SecurityRequirements
	@GetMapping("/v1/whispers/{id}/replies")
	CursorPage<WhisperView> listReplies(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID id,
			PageParams page) {
		return this.feeds.replies(user, id, page);
	}

	@Operation(summary = "Like a whisper", description = "Idempotent. 403 across a block.")
	@PostMapping("/v1/whispers/{id}/like")
	LikeState likeWhisper(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return this.whispers.like(user, id);
	}

	@Operation(summary = "Unlike a whisper", description = "Idempotent.")
	@DeleteMapping("/v1/whispers/{id}/like")
	LikeState unlikeWhisper(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return this.whispers.unlike(user, id);
	}

}
