package com.muejam.search;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;

import com.muejam.core.visibility.Rating;

/**
 * Type-ahead suggestions.
 *
 * @param stories matching stories
 * @param users matching users
 * @param tags matching tags
 */
@Schema(name = "Suggestions")
record Suggestions(List<StorySuggestion> stories, List<UserSuggestion> users, List<SearchService.TagHit> tags) {

	Suggestions limited(int n) {
		return new Suggestions(this.stories.stream().limit(n).toList(), this.users.stream().limit(n).toList(),
				this.tags.stream().limit(n).toList());
	}

	@Schema(name = "StorySuggestion")
	record StorySuggestion(UUID id, String slug, String title, @JsonIgnore UUID authorId, @JsonIgnore Rating rating,
			@JsonIgnore List<String> tagSlugs) {
	}

	@Schema(name = "UserSuggestion")
	record UserSuggestion(UUID id, String handle, String displayName) {
	}

}
