package com.muejam.discovery;

import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import com.muejam.core.error.ApiException;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Discover", description = "Feeds that help readers find stories: New, Trending and For You")
@RestController
class DiscoverController {

	private final DiscoveryService discovery;

	DiscoverController(DiscoveryService discovery) {
		this.discovery = discovery;
	}

	@Operation(summary = "Discover stories", description = """
			`new`: newest published first. `trending`: by trending score (engagement of the last 24 hours, \
			decayed by age). `for_you` (token required): your interests, trending and freshness blended, \
			without your own or shelved stories; each item says why (`reason`). Readers with little \
			history get trending.""")
	@SecurityRequirements
	@GetMapping("/v1/discover")
	CursorPage<DiscoverItem> discoverStories(@AuthenticationPrincipal @Nullable CurrentUser user,
			@Parameter(description = "Which feed: new (default), trending or for_you (needs a token)",
					schema = @Schema(type = "string", allowableValues = { "new", "trending", "for_you" },
							defaultValue = "new")) @RequestParam(required = false) @Nullable String tab,
			@Parameter(description = "Leave out the stories you finished (completed their last chapter); "
					+ "default: `hide_read_by_default` in your preferences. Ignored without a token.") @RequestParam(
							name = "hide_read", required = false) @Nullable Boolean hideRead,
			PageParams page) {
		String chosen = (tab == null) ? "new" : tab.strip().toLowerCase(Locale.ROOT);
		return switch (chosen) {
			case "new" -> this.discovery.newest(user, page, hideRead);
			case "trending" -> this.discovery.trending(user, page, hideRead);
			case "for_you" -> this.discovery.forYou(user, page, hideRead);
			default -> throw ApiException.invalidField("tab", "must be one of new, trending, for_you");
		};
	}

	@Operation(summary = "Not interested",
			description = "Removes the story from your For You and lowers the weight of its tags.")
	@PostMapping("/v1/discover/not-interested")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void markNotInterested(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NotInterested request) {
		this.discovery.notInterested(user, request.storyId());
	}

	/**
	 * @param storyId the story
	 */
	@Schema(example = "{\"story_id\":\"6f1c2a9e-3b7d-4c1e-9a2f-1d3e5b7c9a01\"}", name = "NotInterested")
	record NotInterested(@NotNull UUID storyId) {
	}

}
