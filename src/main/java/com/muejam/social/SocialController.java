package com.muejam.social;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;
import com.muejam.social.SocialViews.BlockState;
import com.muejam.social.SocialViews.FollowState;
import com.muejam.social.SocialViews.MuteState;
import com.muejam.users.ProfileView;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Social", description = "Following, blocking and muting other users")
@RestController
class SocialController {

	private final SocialService social;

	SocialController(SocialService social) {
		this.social = social;
	}

	@Operation(summary = "Follow a user",
			description = "Idempotent. 403 while a block exists either way; 400 for yourself.")
	@PostMapping("/v1/users/{id}/follow")
	FollowState followUser(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return new FollowState(this.social.follow(user, id));
	}

	@Operation(summary = "Stop following a user", description = "Idempotent.")
	@DeleteMapping("/v1/users/{id}/follow")
	FollowState unfollowUser(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return new FollowState(this.social.unfollow(user, id));
	}

	@Operation(summary = "Block a user",
			description = "Idempotent. Removes follows both ways; neither of you sees the other's content until unblocked.")
	@PostMapping("/v1/users/{id}/block")
	BlockState blockUser(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return new BlockState(this.social.block(user, id));
	}

	@Operation(summary = "Unblock a user", description = "Idempotent. Visibility returns; follows do not.")
	@DeleteMapping("/v1/users/{id}/block")
	BlockState unblockUser(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return new BlockState(this.social.unblock(user, id));
	}

	@Operation(summary = "Mute a user", description = "Idempotent. Their whispers leave your feeds; they are not told.")
	@PostMapping("/v1/users/{id}/mute")
	MuteState muteUser(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return new MuteState(this.social.mute(user, id));
	}

	@Operation(summary = "Unmute a user", description = "Idempotent.")
	@DeleteMapping("/v1/users/{id}/mute")
	MuteState unmuteUser(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return new MuteState(this.social.unmute(user, id));
	}

	@Operation(summary = "A user's followers, newest first")
	@SecurityRequirements
	@GetMapping("/v1/users/{id}/followers")
	CursorPage<ProfileView> listFollowers(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID id,
			PageParams page) {
		return this.social.followers(user, id, page);
	}

	@Operation(summary = "Who a user follows, newest first")
	@SecurityRequirements
	@GetMapping("/v1/users/{id}/following")
	CursorPage<ProfileView> listFollowing(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID id,
			PageParams page) {
		return this.social.following(user, id, page);
	}

}
