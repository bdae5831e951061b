package com.muejam.social;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Response bodies of the follow, block and mute endpoints.
 */
final class SocialViews {

	private SocialViews() {
	}

	@Schema(name = "FollowState")
	record FollowState(boolean following) {
	}

	@Schema(name = "BlockState")
	record BlockState(boolean blocked) {
	}

	@Schema(name = "MuteState")
	record MuteState(boolean muted) {
	}

}
