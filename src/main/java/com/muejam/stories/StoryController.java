package com.muejam.stories;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import com.muejam.core.openapi.Created;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;
import com.muejam.stories.StoryRequests.CreateStory;
import com.muejam.stories.StoryRequests.Publish;
import com.muejam.stories.StoryRequests.UpdateStory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Stories", description = "Stories: writing and publishing them, listing and reading them, their tags")
@RestController
class StoryController {

	private final StoryService stories;

	private final StoryCatalog catalog;

	private final StoryLists lists;

	StoryController(StoryService stories, StoryCatalog catalog, StoryLists lists) {
		this.stories = stories;
		this.catalog = catalog;
		this.lists = lists;
	}

	@Operation(summary = "Create a story draft",
			description = "The slug is made from the title (a suffix is added when it is taken).")
	@Created
	@PostMapping("/v1/stories")
	ResponseEntity<StoryView> createStory(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody CreateStory request) {
		StoryView story = this.stories.create(user, request);
		return ResponseEntity.created(URI.create("/v1/stories/" + story.slug())).body(story);
	}

	@Operation(summary = "Change a story",
			description = "Author only. The slug follows the title until the story is published, then stays.")
	@PutMapping("/v1/stories/{id}")
	StoryView updateStory(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@Valid @RequestBody UpdateStory changes) {
		return this.stories.update(user, id, changes);
	}

	@Operation(summary = "Delete a story",
			description = "Author only. Soft delete: the story and its chapters disappear for everyone.")
	@DeleteMapping("/v1/stories/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteStory(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		this.stories.delete(user, id);
	}

	@Operation(summary = "Publish a story",
			description = "Author only, 10 publish operations per hour. Publishes now, or at `publish_at` (scheduled). "
					+ "A story already live keeps its `published_at`.")
	@PostMapping("/v1/stories/{id}/publish")
	StoryView publishStory(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@Valid @RequestBody(required = false) @Nullable Publish request) {
		return this.stories.publish(user, id, request);
	}

	@Operation(summary = "Published stories, newest first")
	@SecurityRequirements
	@GetMapping("/v1/stories")
	CursorPage<StoryView> listStories(@AuthenticationPrincipal @Nullable CurrentUser user,
			@Parameter(description = "Tag slug or name") @RequestParam(required = false) @Nullable @Size(
					max = 50) String tag,
			@Parameter(description = "Author handle") @RequestParam(required = false) @Nullable @Size(
					max = 30) String author,
			@Parameter(description = "Only stories of at least this many words") @RequestParam(name = "min_words",
					required = false) @Nullable @Min(0) Integer minWords,
			@Parameter(description = "Only stories of at most this many words") @RequestParam(name = "max_words",
					required = false) @Nullable @Min(0) Integer maxWords,
			PageParams page) {
		return this.lists.published(user, author, tag, WordRange.of(minWords, maxWords), Set.of(), page);
	}

	@Operation(summary = "A story by slug (or id)",
			description = "Published stories for everyone; the author also sees their drafts.")
	@SecurityRequirements
	@GetMapping("/v1/stories/{id}")
	StoryView getStoryBySlug(@AuthenticationPrincipal @Nullable CurrentUser user,
			@Parameter(description = "The story's slug, or its id",
					example = "the-lighthouse-keeper") @PathVariable("id") @Size(max = 120) String slug) {
		return this.catalog.bySlugOrId(user, slug);
	}

	@Operation(summary = "The caller's own stories, drafts included, newest first")
	@GetMapping("/v1/me/stories")
	CursorPage<StoryView> listMyStories(@AuthenticationPrincipal CurrentUser user, PageParams page) {
		return this.lists.own(user, page);
	}

	@Operation(summary = "Popular tags", description = "Tags by the number of published stories that carry them.")
	@SecurityRequirements
	@GetMapping("/v1/tags")
	CursorPage<PopularTagView> listTags(PageParams page) {
		return this.lists.popularTags(page);
	}

}
