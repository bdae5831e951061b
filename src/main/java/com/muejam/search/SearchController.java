package com.muejam.search;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import com.muejam.core.error.ApiException;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Search")
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
	@SecurityRequirements
	@GetMapping("/v1/search")
	CursorPage<?> search(@AuthenticationPrincipal @Nullable CurrentUser user, @RequestParam String q, @Parameter(
			description = "stories (default), users or tags") @RequestParam(required = false) @Nullable String type,
			@Valid PageParams page) {
		String chosen = (type == null) ? "stories" : type.strip().toLowerCase(Locale.ROOT);
		return switch (chosen) {
			case "stories" -> this.search.stories(user, q, page);
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

}
