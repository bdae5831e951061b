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
import com.muejam.library.LibraryRequests.AddShelfItem;
import com.muejam.library.LibraryViews.ShelfItemView;
import com.muejam.library.LibraryRequests.ShelfName;
import com.muejam.library.LibraryViews.ShelfView;

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

@Tag(name = "Library", description = "The reader's shelves and what is on them")
@RestController
class ShelfController {

	private final ShelfService shelves;

	ShelfController(ShelfService shelves) {
		this.shelves = shelves;
	}

	@Operation(summary = "The caller's shelves, newest first")
	@GetMapping("/v1/library/shelves")
	CursorPage<ShelfView> listShelves(@AuthenticationPrincipal CurrentUser user, PageParams page) {
		return this.shelves.list(user, page);
	}

	@Operation(summary = "Create a shelf", description = "Names are unique per reader, ignoring case (409 otherwise).")
	@Created
	@PostMapping("/v1/library/shelves")
	ResponseEntity<ShelfView> createShelf(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody ShelfName request) {
		ShelfView shelf = this.shelves.create(user, request.name());
		return ResponseEntity.created(URI.create("/v1/library/shelves/" + shelf.id())).body(shelf);
	}

	@Operation(summary = "Rename a shelf")
	@PutMapping("/v1/library/shelves/{id}")
	ShelfView renameShelf(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@Valid @RequestBody ShelfName request) {
		return this.shelves.rename(user, id, request.name());
	}

	@Operation(summary = "Delete a shelf", description = "Its items go with it; the stories stay on other shelves.")
	@DeleteMapping("/v1/library/shelves/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteShelf(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		this.shelves.delete(user, id);
	}

	@Operation(summary = "A shelf's stories, newest first", description = "Each item is the story with `added_at`.")
	@GetMapping("/v1/library/shelves/{id}/items")
	CursorPage<ShelfItemView> listShelfItems(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			PageParams page) {
		return this.shelves.items(user, id, page);
	}

	@Operation(summary = "Put a story on a shelf",
			description = "Idempotent: 201 when added, 200 with the existing item when it was already there.")
	@Created(location = false, repeatAnswersOk = true)
	@PostMapping("/v1/library/shelves/{id}/items")
	ResponseEntity<ShelfItemView> addShelfItem(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@Valid @RequestBody AddShelfItem request) {
		ShelfService.Added added = this.shelves.add(user, id, request.storyId());
		return ResponseEntity.status(added.created() ? HttpStatus.CREATED : HttpStatus.OK).body(added.item());
	}

	@Operation(summary = "Take a story off a shelf", description = "Idempotent: 204 whether or not it was there.")
	@DeleteMapping("/v1/library/shelves/{id}/items/{storyId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeShelfItem(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID storyId) {
		this.shelves.remove(user, id, storyId);
	}

}
