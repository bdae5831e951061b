package com.muejam.stories;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import com.muejam.core.openapi.Created;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;
import com.muejam.stories.ChapterRequests.CreateChapter;
import com.muejam.stories.StoryRequests.Publish;
import com.muejam.stories.ChapterRequests.UpdateChapter;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Chapters", description = "Chapters of a story: writing, publishing (now or scheduled) and reading them")
@RestController
class ChapterController {

	private final ChapterService chapters;

	ChapterController(ChapterService chapters) {
		this.chapters = chapters;
	}

	@Operation(summary = "Add a chapter draft",
			description = "Author only. Chapters are numbered 1, 2, 3... in creation order.")
	@Created
	@PostMapping("/v1/stories/{id}/chapters")
	ResponseEntity<ChapterView> createChapter(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@Valid @RequestBody CreateChapter request) {
		ChapterView chapter = this.chapters.create(user, id, request);
		return ResponseEntity.created(URI.create("/v1/chapters/" + chapter.id())).body(chapter);
	}

	@Operation(summary = "A story's chapters in order",
			description = "Published chapters, without content; the author also sees drafts.")
	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "403",
			description = "The story is rated above the caller's `max_rating`: `RATING_GATED`",
			content = @Content(mediaType = "application/json",
					schema = @Schema(ref = "#/components/schemas/ErrorResponse")))
	@SecurityRequirements
	@GetMapping("/v1/stories/{id}/chapters")
	CursorPage<ChapterSummaryView> listChapters(@AuthenticationPrincipal @Nullable CurrentUser user,
			@PathVariable UUID id, PageParams page) {
		return this.chapters.list(user, id, page);
	}

	@Operation(summary = "Read a chapter",
			description = "Markdown `content`, sanitized `content_html`, and the previous/next chapters the caller can read.")
	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "403",
			description = "The story is rated above the caller's `max_rating`: `RATING_GATED`",
			content = @Content(mediaType = "application/json",
					schema = @Schema(ref = "#/components/schemas/ErrorResponse")))
	@SecurityRequirements
	@GetMapping("/v1/chapters/{id}")
	ChapterView getChapter(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID id) {
		return this.chapters.read(user, id);
	}

	@Operation(summary = "Change a chapter", description = "Author only.")
	@PutMapping("/v1/chapters/{id}")
	ChapterView updateChapter(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@Valid @RequestBody UpdateChapter changes) {
		return this.chapters.update(user, id, changes);
	}

	@Operation(summary = "Delete a chapter", description = "Author only. Soft delete.")
	@DeleteMapping("/v1/chapters/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteChapter(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		this.chapters.delete(user, id);
	}

	@Operation(summary = "Publish a chapter",
			description = "Author only, 10 publish operations per hour. Now, or at `publish_at`: the chapter becomes "
					+ "readable at that time (once its story is published too).")
	@PostMapping("/v1/chapters/{id}/publish")
	ChapterView publishChapter(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@Valid @RequestBody(required = false) @Nullable Publish request) {
		return this.chapters.publish(user, id, request);
	}

}
