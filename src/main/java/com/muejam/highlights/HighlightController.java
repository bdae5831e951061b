package com.muejam.highlights;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import com.muejam.core.openapi.Created;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;
import com.muejam.highlights.HighlightView.CreateHighlight;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Highlights", description = "Passages readers mark in a chapter's text")
@RestController
class HighlightController {

	private final HighlightService highlights;

	HighlightController(HighlightService highlights) {
		this.highlights = highlights;
	}

	@Operation(summary = "Highlight a passage",
			description = "Offsets count UTF-16 code units of the chapter's markdown: 0 <= start_offset < end_offset <= length.")
	@Created
	@PostMapping("/v1/chapters/{id}/highlights")
	ResponseEntity<HighlightView> createHighlight(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@Valid @RequestBody CreateHighlight request) {
		HighlightView highlight = this.highlights.create(user, id, request.startOffset(), request.endOffset());
		return ResponseEntity.created(URI.create("/v1/highlights/" + highlight.id())).body(highlight);
	}

	@Operation(summary = "The caller's highlights in a chapter, newest first")
	@GetMapping("/v1/chapters/{id}/highlights")
	CursorPage<HighlightView> listHighlights(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			PageParams page) {
		return this.highlights.list(user, id, page);
	}

	@Operation(summary = "Delete a highlight")
	@DeleteMapping("/v1/highlights/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteHighlight(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		this.highlights.delete(user, id);
	}

}
