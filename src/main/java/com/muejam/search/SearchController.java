package com.muejam.search;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import com.muejam.core.error.ApiException;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;
import com.muejam.stories.StoryView;
import com.muejam.users.ProfileView;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Search", description = "Full-text search and type-ahead suggestions")
@RestController
class SearchController {

	private final SearchService search;

	SearchController(SearchService search) {
		this.search = search;
	}

	@Operation(summary = "Search stories, users or tags", description = """
			`stories`: full text over title, blurb and tags (English stemming, accents ignored, \
			web-search syntax: quotes, `or`, `-`), ranked by relevance then recency. `users`: handle \
			and display name. `tags`: tag names. `q` is 1-200 characters. The list shape depends on \
			`type`: stories, profiles, or tags.""")
	@ApiResponse(responseCode = "200", description = "A page of stories, profiles or tags, as `type` asks",
			content = @Content(schema = @Schema(anyOf = { StoryResults.class, UserResults.class, TagResults.class })))
	@SecurityRequirements
	@GetMapping("/v1/search")
	CursorPage<?> search(@AuthenticationPrincipal @Nullable CurrentUser user, @RequestParam String q,
			@Parameter(description = "What to search: stories (default), users or tags",
					schema = @Schema(type = "string", allowableValues = { "stories", "users", "tags" },
							defaultValue = "stories")) @RequestParam(required = false) @Nullable String type,
			@Parameter(
					description = "With `type=stories`: leave out the stories you finished (completed their last chapter); "
							+ "default: `hide_read_by_default` in your preferences. Ignored without a token.") @RequestParam(
									name = "hide_read", required = false) @Nullable Boolean hideRead,
			PageParams page) {
		String chosen = (type == null) ? "stories" : type.strip().toLowerCase(Locale.ROOT);
		return switch (chosen) {
			case "stories" -> this.search.stories(user, q, page, hideRead);
			case "users" -> this.search.users(user, q, page);
			case "tags" -> this.search.tags(q, page);
			default -> throw ApiException.invalidField("type", "must be one of stories, users, tags");
		};
	}

	@Operation(summary = "Type-ahead suggestions",
			description = "Up to 5 stories, 5 users and 5 tags starting with `q`.")
	@SecurityRequirements
	@GetMapping("/v1/search/suggest")
	Suggestions suggest(@AuthenticationPrincipal @Nullable CurrentUser user, @RequestParam String q) {
		return this.search.suggest(user, q);
	}

	/**
	 * The shape of {@code type=stories} results, for the API document.
	 *
	 * @param data the stories
	 * @param nextCursor the next page's cursor, {@code null} on the last
	 */
	@Schema(name = "StorySearchResults")
	record StoryResults(List<StoryView> data, @Nullable String nextCursor) {
	}

	/**
	 * The shape of {@code type=users} results, for the API document.
	 *
	 * @param data the profiles
	 * @param nextCursor the next page's cursor, {@code null} on the last
	 */
	@Schema(name = "UserSearchResults")
	record UserResults(List<ProfileView> data, @Nullable String nextCursor) {
	}

	/**
	 * The shape of {@code type=tags} results, for the API document.
	 *
	 * @param data the tags
	 * @param nextCursor the next page's cursor, {@code null} on the last
	 */
	@Schema(name = "TagSearchResults")
	record TagResults(List<SearchService.TagHit> data, @Nullable String nextCursor) {
	}

}
