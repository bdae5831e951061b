package com.muejam.library;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import com.muejam.core.openapi.Created;
import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;
import com.muejam.library.LibraryViews.BookmarkView;
import com.muejam.library.LibraryViews.ProgressView;
import com.muejam.library.LibraryViews.ReadingView;
import com.muejam.library.LibraryRequests.SaveOffset;

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

@Tag(name = "Reading", description = "Reading progress and bookmarks, kept across devices")
@RestController
class ReadingController {

	private final ProgressService progress;

	private final BookmarkService bookmarks;

	ReadingController(ProgressService progress, BookmarkService bookmarks) {
		this.progress = progress;
		this.bookmarks = bookmarks;
	}

	@Operation(summary = "Save where the caller is in a chapter",
			description = "`offset` counts UTF-16 code units of the chapter's markdown, 0 to its length.")
	@PostMapping("/v1/chapters/{id}/progress")
	ProgressView saveProgress(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@Valid @RequestBody SaveOffset request) {
		return this.progress.save(user, id, request.offset());
	}

	@Operation(summary = "Where the caller is in a chapter")
	@GetMapping("/v1/chapters/{id}/progress")
	ProgressView getProgress(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return this.progress.get(user, id);
	}

	@Operation(summary = "Continue reading",
			description = "Stories the caller is reading, most recent first, with the last chapter read, the offset and how far into it.")
	@GetMapping("/v1/library/reading")
	CursorPage<ReadingView> listReading(@AuthenticationPrincipal CurrentUser user, PageParams page) {
		return this.progress.reading(user, page);
	}

	@Operation(summary = "Bookmark a place in a chapter")
	@Created
	@PostMapping("/v1/chapters/{id}/bookmarks")
	ResponseEntity<BookmarkView> createBookmark(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@Valid @RequestBody SaveOffset request) {
		BookmarkView bookmark = this.bookmarks.create(user, id, request.offset());
		return ResponseEntity.created(URI.create("/v1/bookmarks/" + bookmark.id())).body(bookmark);
	}

	@Operation(summary = "The caller's bookmarks in a chapter, newest first")
	@GetMapping("/v1/chapters/{id}/bookmarks")
	CursorPage<BookmarkView> listBookmarks(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			PageParams page) {
		return this.bookmarks.list(user, id, page);
	}

	@Operation(summary = "Delete a bookmark")
	@DeleteMapping("/v1/bookmarks/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteBookmark(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		this.bookmarks.delete(user, id);
	}

}
