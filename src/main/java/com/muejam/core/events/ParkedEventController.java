package com.muejam.core.events;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.muejam.core.pagination.CursorPage;
import com.muejam.core.pagination.PageParams;
import com.muejam.core.security.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operations", description = "Side effects (event listeners) that failed every retry, for moderators")
class ParkedEventController {

	private final ParkedEvents parked;

	ParkedEventController(ParkedEvents parked) {
		this.parked = parked;
	}

	@Operation(summary = "Event publications parked after their listener failed every attempt, newest first",
			description = "Moderators only.")
	@GetMapping("/v1/admin/events/parked")
	CursorPage<ParkedEventView> listParkedEvents(@AuthenticationPrincipal CurrentUser user, PageParams page) {
		return this.parked.list(user, page);
	}

	@Operation(summary = "Run a parked event's listener again",
			description = "Moderators only. Accepted: the listener runs in the background; if it fails again the "
					+ "event is parked again.")
	@PostMapping("/v1/admin/events/parked/{id}/resubmit")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void resubmitParkedEvent(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		this.parked.resubmit(user, id);
	}

}
